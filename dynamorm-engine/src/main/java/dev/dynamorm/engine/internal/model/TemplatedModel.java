package dev.dynamorm.engine.internal.model;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A model whose table or index keys are computed from {@link KeyTemplate}s: the wrapped model's
 * fields plus one {@link TemplateKeyField} per templated key. Writes add the rendered keys (a table
 * key whose field is null fails; an index key is left out, a sparse index); reads fill fields whose
 * own attribute is missing (key-only projections, items written by other tools) by parsing the
 * keys. Immutable.
 */
final class TemplatedModel<T> implements ModelMetadata<T> {

    private final ModelMetadata<T> inner;
    private final FieldMetadata partitionKey;
    private final Optional<FieldMetadata> sortKey;
    private final List<TemplateKeyField> tableKeys;
    private final List<TemplateKeyField> indexKeys;
    private final List<FieldMetadata> fields;
    private final Map<String, FieldMetadata> byName;
    private final Map<String, FieldMetadata> byAttribute;
    private final List<IndexMetadata> indexes;

    TemplatedModel(
            ModelMetadata<T> inner,
            TemplateKeyField partitionKey,
            TemplateKeyField sortKey,
            List<IndexMetadata> templatedIndexes) {
        this.inner = inner;
        this.partitionKey = partitionKey != null ? partitionKey : inner.partitionKey();
        this.sortKey = sortKey != null ? Optional.of(sortKey) : inner.sortKey();
        List<TemplateKeyField> table = new ArrayList<>();
        if (partitionKey != null) {
            table.add(partitionKey);
        }
        if (sortKey != null) {
            table.add(sortKey);
        }
        this.tableKeys = List.copyOf(table);
        List<TemplateKeyField> index = new ArrayList<>();
        for (IndexMetadata i : templatedIndexes) {
            if (i.global() && i.partitionKey() instanceof TemplateKeyField t) {
                index.add(t);
            }
            if (i.sortKey().orElse(null) instanceof TemplateKeyField t) {
                index.add(t);
            }
        }
        this.indexKeys = List.copyOf(index);
        Map<String, FieldMetadata> names = new LinkedHashMap<>();
        Map<String, FieldMetadata> attributes = new HashMap<>();
        List<TemplateKeyField> all = new ArrayList<>(tableKeys);
        all.addAll(indexKeys);
        for (TemplateKeyField k : all) {
            if (inner.field(k.name()) != null
                    || inner.fieldByAttribute(k.attributeName()) != null) {
                throw KeyTemplate.fail(
                        inner.type(),
                        "key attribute '%s' computed from template '%s' clashes with a field of the same "
                                + "name or attribute: rename the field or set the template's attribute",
                        k.attributeName(),
                        k.template().text());
            }
            if (names.putIfAbsent(k.name(), k) != null) {
                continue; // the same attribute serves two roles, e.g. an index sharing the table
                // key
            }
            attributes.put(k.attributeName(), k);
        }
        for (FieldMetadata f : inner.fields()) {
            names.put(f.name(), f);
            attributes.put(f.attributeName(), f);
        }
        this.fields = List.copyOf(names.values());
        this.byName = Map.copyOf(names);
        this.byAttribute = Map.copyOf(attributes);
        List<IndexMetadata> idx = new ArrayList<>(inner.indexes());
        idx.addAll(templatedIndexes);
        this.indexes = List.copyOf(idx);
    }

    /** The key attributes computed from templates (table keys first). */
    List<TemplateKeyField> templateKeys() {
        List<TemplateKeyField> all = new ArrayList<>(tableKeys);
        all.addAll(indexKeys);
        return all;
    }

    @Override
    public Class<T> type() {
        return inner.type();
    }

    @Override
    public Optional<String> tableName() {
        return inner.tableName();
    }

    @Override
    public List<FieldMetadata> fields() {
        return fields;
    }

    @Override
    public FieldMetadata field(String javaName) {
        return byName.get(javaName);
    }

    @Override
    public FieldMetadata fieldByAttribute(String attributeName) {
        return byAttribute.get(attributeName);
    }

    @Override
    public FieldMetadata partitionKey() {
        return partitionKey;
    }

    @Override
    public Optional<FieldMetadata> sortKey() {
        return sortKey;
    }

    @Override
    public List<IndexMetadata> indexes() {
        return indexes;
    }

    @Override
    public Optional<FieldMetadata> versionField() {
        return inner.versionField();
    }

    @Override
    public Optional<FieldMetadata> createdAtField() {
        return inner.createdAtField();
    }

    @Override
    public Optional<FieldMetadata> updatedAtField() {
        return inner.updatedAtField();
    }

    @Override
    public Optional<FieldMetadata> ttlField() {
        return inner.ttlField();
    }

    @Override
    public List<FieldMetadata> encryptedFields() {
        return inner.encryptedFields();
    }

    @Override
    public Optional<String> discriminatorAttribute() {
        return inner.discriminatorAttribute();
    }

    @Override
    public Optional<TypeTag> typeTag() {
        return inner.typeTag();
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance) {
        return toItem(instance, Operation.PUT);
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance, Operation operation) {
        Map<String, AttributeValue> item = inner.toItem(instance, operation);
        for (TemplateKeyField k : tableKeys) {
            String key = k.template().render(instance, operation);
            if (key == null) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot compute key attribute '%s' of %s from template '%s': a field it names "
                                        + "(%s) is null; give every field of a table key template a value",
                                k.attributeName(),
                                inner.type().getName(),
                                k.template().text(),
                                names(k.template())),
                        operation,
                        inner.type(),
                        null);
            }
            item.put(k.attributeName(), AttributeValue.fromS(key));
        }
        for (TemplateKeyField k : indexKeys) {
            String key = k.template().render(instance, operation);
            if (key != null) {
                item.put(k.attributeName(), AttributeValue.fromS(key));
            }
        }
        return item;
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item) {
        return fromItem(item, Operation.GET);
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item, Operation operation) {
        Map<String, AttributeValue> filled = null;
        for (TemplateKeyField k : templateKeys()) {
            AttributeValue stored = item.get(k.attributeName());
            if (stored == null || stored.s() == null || !missesField(item, k.template())) {
                continue;
            }
            Map<FieldMetadata, AttributeValue> parsed = k.template().parse(stored.s());
            if (parsed == null) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot read a stored item as %s: its key attribute '%s' is '%s', which does not "
                                        + "match the template '%s'",
                                inner.type().getName(),
                                k.attributeName(),
                                stored.s(),
                                k.template().text()),
                        operation,
                        inner.type(),
                        null);
            }
            if (filled == null) {
                filled = new HashMap<>(item);
            }
            for (Map.Entry<FieldMetadata, AttributeValue> e : parsed.entrySet()) {
                filled.putIfAbsent(e.getKey().attributeName(), e.getValue());
            }
        }
        return inner.fromItem(filled == null ? item : filled, operation);
    }

    private static boolean missesField(Map<String, AttributeValue> item, KeyTemplate template) {
        for (FieldMetadata f : template.fields()) {
            if (!item.containsKey(f.attributeName())) {
                return true;
            }
        }
        return false;
    }

    private static String names(KeyTemplate template) {
        List<String> out = new ArrayList<>();
        for (FieldMetadata f : template.fields()) {
            out.add("'" + f.name() + "'");
        }
        return String.join(", ", out);
    }

    @Override
    public String toString() {
        return "TemplatedModel[" + inner + ", keys=" + templateKeys() + "]";
    }
}
