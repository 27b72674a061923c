package dev.dynamorm.engine.internal.model;

import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.spi.schema.KeyTemplateSchema;
import dev.dynamorm.spi.schema.ModelSchema;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the key templates of a model type (from its generated schema, else from the annotations on
 * the type) and wraps the model's metadata in a {@link TemplatedModel} when it has any.
 */
public final class KeyTemplates {

    /**
     * Why a template cannot be one attribute of a multi-attribute key, and what to do instead
     * (format arguments: index, order, template, index).
     */
    private static final String TEMPLATE_WITH_ORDER =
            String.join(
                    " ",
                    "@IndexKey(index = \"%s\") on the type has order = %d, but a key template and a",
                    "multi-attribute key do not combine: a template computes one attribute from",
                    "several fields, while a multi-attribute key stores each of its fields in its own",
                    "attribute, which DynamoDB compares one by one. Either drop order and keep one",
                    "template per key role (e.g. template = \"%s\"), or drop the template and put",
                    "@IndexKey(index = \"%s\", order = n) on each field of the key");

    private KeyTemplates() {}

    /**
     * Whether a type declares its table partition key by a template (then no field carries
     * {@code @PartitionKey}).
     *
     * @param type the model type
     * @param schema its generated schema, or null
     * @return true if a partition key template is declared
     */
    static boolean templatedPartitionKey(Class<?> type, ModelSchema<?> schema) {
        for (KeyTemplateSchema t : declarations(type, schema)) {
            if (t.index().isEmpty() && t.role() == KeyRole.PARTITION) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key templates declared on a type.
     *
     * @throws dev.dynamorm.ModelDefinitionException if a key annotation on the type has no
     *     template, or one on a field has a template
     */
    static List<KeyTemplateSchema> declarations(Class<?> type, ModelSchema<?> schema) {
        if (schema != null) {
            return schema.keyTemplates();
        }
        checkFieldsHaveNoTemplates(type);
        List<KeyTemplateSchema> out = new ArrayList<>();
        PartitionKey pk = type.getAnnotation(PartitionKey.class);
        if (pk != null) {
            out.add(table(type, KeyRole.PARTITION, "@PartitionKey", pk.attribute(), pk.template()));
        }
        SortKey sk = type.getAnnotation(SortKey.class);
        if (sk != null) {
            out.add(table(type, KeyRole.SORT, "@SortKey", sk.attribute(), sk.template()));
        }
        for (IndexKey k : type.getAnnotationsByType(IndexKey.class)) {
            if (k.template().isEmpty()) {
                throw KeyTemplate.fail(
                        type,
                        "@IndexKey(index = \"%s\") on the type has no template: give template = \"...\" "
                                + "or move the annotation to the field that holds the key",
                        k.index());
            }
            if (k.order() != 0) {
                throw KeyTemplate.fail(
                        type, TEMPLATE_WITH_ORDER, k.index(), k.order(), k.template(), k.index());
            }
            out.add(
                    new KeyTemplateSchema(
                            k.index(),
                            k.role(),
                            k.attribute(),
                            k.template(),
                            k.type(),
                            k.projection(),
                            List.of(k.include())));
        }
        return out;
    }

    private static KeyTemplateSchema table(
            Class<?> type, KeyRole role, String annotation, String attribute, String template) {
        if (template.isEmpty()) {
            throw KeyTemplate.fail(
                    type,
                    "%s on the type has no template: give template = \"...\" or move the annotation to "
                            + "the field that holds the key",
                    annotation);
        }
        return new KeyTemplateSchema(
                "", role, attribute, template, IndexType.GLOBAL, ProjectionType.ALL, List.of());
    }

    private static void checkFieldsHaveNoTemplates(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                elements.add(c);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            elements.add(f);
        }
        for (Method m : type.getDeclaredMethods()) {
            elements.add(m);
        }
        for (AnnotatedElement e : elements) {
            PartitionKey pk = e.getAnnotation(PartitionKey.class);
            SortKey sk = e.getAnnotation(SortKey.class);
            String template =
                    pk != null && !pk.template().isEmpty()
                            ? "@PartitionKey"
                            : sk != null && !sk.template().isEmpty() ? "@SortKey" : null;
            for (IndexKey k : e.getAnnotationsByType(IndexKey.class)) {
                if (!k.template().isEmpty()) {
                    template = "@IndexKey";
                }
            }
            if (template != null) {
                throw KeyTemplate.fail(
                        type,
                        "%s on '%s' has a template, but a template computes the key from other fields: "
                                + "put the annotation on the type instead",
                        template,
                        name(e));
            }
        }
    }

    private static String name(AnnotatedElement e) {
        if (e instanceof RecordComponent c) {
            return c.getName();
        }
        if (e instanceof Field f) {
            return f.getName();
        }
        return ((Method) e).getName();
    }

    /**
     * The model with its key templates applied, or the model itself when the type declares none.
     *
     * @param model the metadata built from the fields
     * @param schema the type's generated schema, or null
     * @return the metadata to use
     * @throws dev.dynamorm.ModelDefinitionException if a template is not valid
     */
    static <T> ModelMetadata<T> wrap(ModelMetadata<T> model, ModelSchema<T> schema) {
        List<KeyTemplateSchema> declared = declarations(model.type(), schema);
        if (declared.isEmpty()) {
            return model;
        }
        Class<T> type = model.type();
        TemplateKeyField pk = null;
        TemplateKeyField sk = null;
        Map<String, List<KeyTemplateSchema>> byIndex = new LinkedHashMap<>();
        for (KeyTemplateSchema d : declared) {
            if (d.index().isEmpty()) {
                boolean partition = d.role() == KeyRole.PARTITION;
                String label = partition ? "@PartitionKey" : "@SortKey";
                TemplateKeyField f =
                        new TemplateKeyField(
                                d.attribute().isEmpty() ? (partition ? "PK" : "SK") : d.attribute(),
                                KeyTemplate.compile(type, label, d.template(), model),
                                partition,
                                !partition);
                if (partition) {
                    pk = f;
                } else {
                    if (fieldSortKey(model).isPresent()) {
                        throw KeyTemplate.fail(
                                type,
                                "@SortKey is declared both on the type (template '%s') and on field '%s': keep "
                                        + "one",
                                d.template(),
                                fieldSortKey(model).get().name());
                    }
                    sk = f;
                }
            } else {
                byIndex.computeIfAbsent(d.index(), k -> new ArrayList<>()).add(d);
            }
        }
        List<IndexMetadata> indexes = new ArrayList<>();
        for (Map.Entry<String, List<KeyTemplateSchema>> e : byIndex.entrySet()) {
            indexes.add(index(model, e.getKey(), e.getValue(), pk));
        }
        return new TemplatedModel<>(model, pk, sk, indexes);
    }

    private static Optional<FieldMetadata> fieldSortKey(ModelMetadata<?> model) {
        for (FieldMetadata f : model.fields()) {
            if (f.isSortKey()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static IndexMetadata index(
            ModelMetadata<?> model,
            String name,
            List<KeyTemplateSchema> keys,
            TemplateKeyField tablePartitionKey) {
        Class<?> type = model.type();
        for (IndexMetadata i : model.indexes()) {
            if (i.name().equals(name)) {
                throw KeyTemplate.fail(
                        type,
                        "index '%s' is declared both on the type (a template) and on fields: declare each "
                                + "index in one place",
                        name);
            }
        }
        TemplateKeyField partition = null;
        TemplateKeyField sort = null;
        IndexType indexType = keys.get(0).type();
        ProjectionType projection = ProjectionType.ALL;
        List<String> include = List.of();
        for (KeyTemplateSchema k : keys) {
            String label = "@IndexKey(index = \"" + name + "\")";
            boolean partitionRole = k.role() == KeyRole.PARTITION;
            String attribute =
                    k.attribute().isEmpty() ? name + (partitionRole ? "PK" : "SK") : k.attribute();
            TemplateKeyField f =
                    new TemplateKeyField(
                            attribute,
                            KeyTemplate.compile(type, label, k.template(), model),
                            false,
                            false);
            if (partitionRole ? partition != null : sort != null) {
                throw KeyTemplate.fail(
                        type,
                        "index '%s' declares its %s key template twice: keep one",
                        name,
                        partitionRole ? "partition" : "sort");
            }
            if (partitionRole) {
                partition = f;
            } else {
                sort = f;
            }
            if (k.projection() != ProjectionType.ALL || !k.include().isEmpty()) {
                projection = k.projection();
                include = includedAttributes(model, name, k.include());
            }
        }
        boolean global = indexType == IndexType.GLOBAL;
        FieldMetadata indexPartition;
        if (global) {
            if (partition == null) {
                throw KeyTemplate.fail(
                        type,
                        "index '%s' has a sort key template but no partition key template: add "
                                + "@IndexKey(index = \"%s\", template = \"...\") to the type",
                        name,
                        name);
            }
            indexPartition = partition;
        } else {
            if (partition != null || sort == null) {
                throw KeyTemplate.fail(
                        type,
                        "local index '%s' shares the table's partition key: declare only its sort key "
                                + "template (role = KeyRole.SORT)",
                        name);
            }
            indexPartition = tablePartitionKey != null ? tablePartitionKey : model.partitionKey();
        }
        return new IndexMetadata(
                name,
                global,
                List.of(indexPartition),
                sort == null ? List.of() : List.of(sort),
                projection,
                include);
    }

    private static List<String> includedAttributes(
            ModelMetadata<?> model, String index, List<String> include) {
        List<String> out = new ArrayList<>();
        for (String name : include) {
            FieldMetadata f = model.field(name);
            if (f == null) {
                throw KeyTemplate.fail(
                        model.type(), "index '%s' includes unknown field '%s'", index, name);
            }
            out.add(f.attributeName());
        }
        return out;
    }

    /**
     * The templates a key field is computed from: one for a template key of a single model, one per
     * member that has it for an entity family, empty for a key held by a field.
     *
     * @param field a key field of a model
     * @return the templates, possibly empty
     */
    public static List<KeyTemplate> templatesOf(FieldMetadata field) {
        if (field instanceof TemplateKeyField t) {
            return List.of(t.template());
        }
        if (field instanceof FamilyField f) {
            List<KeyTemplate> out = new ArrayList<>();
            for (FieldMetadata m : f.memberFields()) {
                if (m instanceof TemplateKeyField t) {
                    out.add(t.template());
                }
            }
            return out;
        }
        return List.of();
    }

    /**
     * The attribute values of the fields a stored key's table templates name, parsed from the key.
     *
     * @param model the model
     * @param key the item's key attributes
     * @return attribute name to value of each field found in the key, possibly empty
     */
    public static Map<String, AttributeValue> fieldsOfKey(
            ModelMetadata<?> model, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> out = new java.util.HashMap<>();
        List<FieldMetadata> keys = new ArrayList<>();
        keys.add(model.partitionKey());
        model.sortKey().ifPresent(keys::add);
        for (FieldMetadata k : keys) {
            AttributeValue stored = key.get(k.attributeName());
            if (stored == null || stored.s() == null) {
                continue;
            }
            for (KeyTemplate t : templatesOf(k)) {
                Map<FieldMetadata, AttributeValue> parsed = t.parse(stored.s());
                if (parsed != null) {
                    parsed.forEach((f, v) -> out.putIfAbsent(f.attributeName(), v));
                }
            }
        }
        return out;
    }

    /**
     * Completes the fields an update of named fields writes: a computed index key whose template
     * names one of them is written too (recomputed from the item). A field named by a table key
     * template cannot be updated: the key identifies the item.
     *
     * @param model the model
     * @param chosen the fields to write; computed index keys are appended
     * @throws dev.dynamorm.InvalidRequestException if a chosen field is part of a table key
     *     template
     */
    public static void addDerivedKeys(ModelMetadata<?> model, List<FieldMetadata> chosen) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (FieldMetadata f : chosen) {
            names.add(f.name());
        }
        for (FieldMetadata key : model.fields()) {
            for (KeyTemplate t : templatesOf(key)) {
                for (FieldMetadata part : t.fields()) {
                    if (!names.contains(part.name())) {
                        continue;
                    }
                    if (key.isPartitionKey() || key.isSortKey()) {
                        throw new dev.dynamorm.InvalidRequestException(
                                String.format(
                                        java.util.Locale.ROOT,
                                        "cannot update field '%s' of model %s: it is part of the key template "
                                                + "'%s' of key attribute '%s', and the key identifies the item "
                                                + "(delete it and create a new one instead)",
                                        part.name(),
                                        model.type().getName(),
                                        t.text(),
                                        key.attributeName()),
                                dev.dynamorm.Operation.UPDATE,
                                model.type(),
                                null);
                    }
                    if (!chosen.contains(key)) {
                        chosen.add(key);
                    }
                }
            }
        }
    }
}
