package dev.dynamorm.engine.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.TypeTag;
import dev.dynamorm.engine.internal.model.UniqueKeys;
import dev.dynamorm.engine.internal.plugin.TransformedFields;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What {@code Table.modelInfo()} answers: a registered model described for callers. */
record TableModelInfo(
        Class<?> type,
        String tableName,
        String partitionKeyAttribute,
        Optional<String> sortKeyAttribute,
        Map<String, String> attributeNames,
        Set<String> encryptedAttributes,
        Optional<String> versionAttribute,
        Optional<String> discriminatorAttribute,
        Optional<String> discriminatorValue,
        ModelMetadata<?> metadata,
        Map<Class<? extends Annotation>, Set<String>> transforms)
        implements ModelInfo {

    @Override
    public Optional<Converter<?>> converter(String field) {
        // resolved only when asked: registration does not pay for it
        FieldMetadata f = field == null ? null : metadata.field(field);
        return f == null ? Optional.empty() : Optional.of(f.converter());
    }

    @Override
    public Set<String> transformedAttributes(Class<? extends Annotation> annotation) {
        return transforms.getOrDefault(annotation, Set.of());
    }

    @Override
    public Set<String> uniqueAttributes() {
        return UniqueKeys.attributes(metadata);
    }

    @Override
    public Set<String> transformedAttributes() {
        return encryptedAttributes;
    }

    /**
     * The description, typed as the interface so that {@link DefaultTable}, which is loaded at
     * every registration, does not load {@code ModelInfo} to verify an upcast.
     */
    static dev.dynamorm.ModelInfo of(ModelMetadata<?> model, String tableName) {
        Map<String, String> names = new LinkedHashMap<>();
        for (FieldMetadata f : model.fields()) {
            names.put(f.name(), f.attributeName());
        }
        Set<String> encrypted = new LinkedHashSet<>();
        for (FieldMetadata f : model.encryptedFields()) {
            encrypted.add(f.attributeName());
        }
        return new TableModelInfo(
                model.type(),
                tableName,
                model.partitionKey().attributeName(),
                model.sortKey().map(FieldMetadata::attributeName),
                Collections.unmodifiableMap(names),
                Collections.unmodifiableSet(encrypted),
                model.versionField().map(FieldMetadata::attributeName),
                model.discriminatorAttribute(),
                model.typeTag().map(TypeTag::value),
                model,
                TransformedFields.of(model));
    }
}
