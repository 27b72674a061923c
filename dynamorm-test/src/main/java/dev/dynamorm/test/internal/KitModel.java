package dev.dynamorm.test.internal;

import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.KeyTemplateSchema;
import dev.dynamorm.spi.schema.ModelSchema;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapped fields of a model class (or of a record or bean nested in one) as the test kit reads
 * them, with their values read, and instances created, the way the engine does: through the schema
 * {@code dynamorm-processor} generated when the class has one (no reflection on the model), else
 * reflectively (record components, or the fields of a bean and its superclasses; {@code @Ignore}
 * left out). Immutable; one per class, kept as long as the class.
 */
public final class KitModel {

    private static final ClassValue<KitModel> MODELS =
            new ClassValue<>() {
                @Override
                protected KitModel computeValue(Class<?> type) {
                    ModelSchema<?> schema = SchemaModels.find(type);
                    return schema != null ? generated(type, schema) : ReflectiveModels.read(type);
                }
            };

    private final Class<?> type;
    private final List<KitField> fields;
    private final Map<String, Integer> byName;
    private final ModelSchema<Object> schema;
    private final List<AccessibleObject> accessors;
    private final String partitionTemplate;
    private final String sortTemplate;

    KitModel(
            Class<?> type,
            List<KitField> fields,
            ModelSchema<Object> schema,
            List<AccessibleObject> accessors,
            String partitionTemplate,
            String sortTemplate) {
        this.type = type;
        this.fields = List.copyOf(fields);
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            names.putIfAbsent(fields.get(i).name(), i);
        }
        this.byName = Map.copyOf(names);
        this.schema = schema;
        this.accessors = accessors == null ? List.of() : List.copyOf(accessors);
        this.partitionTemplate = partitionTemplate;
        this.sortTemplate = sortTemplate;
    }

    /**
     * The model view of a class.
     *
     * @param type a model class, or a record or bean nested in one
     * @return its fields, read from its generated schema when it has one
     * @throws IllegalStateException if the generated schemas cannot be loaded
     */
    public static KitModel of(Class<?> type) {
        return MODELS.get(type);
    }

    // a schema is found under the class it describes
    @SuppressWarnings("unchecked")
    private static KitModel generated(Class<?> type, ModelSchema<?> schema) {
        List<KitField> fields = new ArrayList<>();
        for (FieldSchema f : schema.fields()) {
            fields.add(
                    new KitField(
                            f.name(),
                            f.type(),
                            f.attribute().orElse(f.name()),
                            f.partitionKey(),
                            f.sortKey(),
                            f.unique(),
                            f.ttl(),
                            f.converter().isPresent(),
                            f.converter().orElse(null)));
        }
        String pk = null;
        String sk = null;
        for (KeyTemplateSchema t : schema.keyTemplates()) {
            if (t.index().isEmpty() && t.role() == KeyRole.PARTITION) {
                pk = t.template();
            } else if (t.index().isEmpty() && t.role() == KeyRole.SORT) {
                sk = t.template();
            }
        }
        return new KitModel(type, fields, (ModelSchema<Object>) schema, null, pk, sk);
    }

    /**
     * The class described.
     *
     * @return the class
     */
    public Class<?> type() {
        return type;
    }

    /**
     * Whether the class is read through a generated schema (else reflectively).
     *
     * @return true for a class compiled with {@code dynamorm-processor}
     */
    public boolean generated() {
        return schema != null;
    }

    /**
     * The mapped fields, in declaration order.
     *
     * @return the fields
     */
    public List<KitField> fields() {
        return fields;
    }

    /**
     * The position of a field in {@link #fields()}.
     *
     * @param name the Java field name
     * @return the index, or -1 when no mapped field has this name
     */
    public int indexOf(String name) {
        Integer i = byName.get(name);
        return i == null ? -1 : i;
    }

    /**
     * The {@code @Unique} fields, in declaration order.
     *
     * @return the fields, empty for most models
     */
    public List<KitField> uniqueFields() {
        List<KitField> out = new ArrayList<>(2);
        for (KitField f : fields) {
            if (f.unique()) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The key template the class declares for its table key ({@code PartitionKey(template =
     * "CUSTOMER#{customerId}")} on the type).
     *
     * @param role the partition or the sort key
     * @return the template, or null when that key is a field (or absent)
     */
    public String keyTemplate(KeyRole role) {
        return role == KeyRole.PARTITION ? partitionTemplate : sortTemplate;
    }

    /**
     * The value of a field of an instance: a direct getter call through the generated schema, else
     * reflectively.
     *
     * @param item an instance of the class
     * @param field the index of the field in {@link #fields()}
     * @return the value, boxed when the field is primitive
     * @throws IllegalStateException if a reflective read is refused (on the module path: the
     *     package is not opened to {@code dev.dynamorm.test}) or the accessor throws
     */
    public Object read(Object item, int field) {
        if (schema != null) {
            return schema.get(item, field);
        }
        AccessibleObject target = accessors.get(field);
        String name = fields.get(field).name();
        try {
            if (!target.canAccess(item)) {
                target.setAccessible(true);
            }
            return target instanceof Method m ? m.invoke(item) : ((Field) target).get(item);
        } catch (InvocationTargetException ex) {
            throw new IllegalStateException(
                    "the test kit could not read field '" + name + "': its accessor threw",
                    ex.getCause());
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw new IllegalStateException(
                    "the test kit could not read field '"
                            + name
                            + "' of "
                            + item.getClass().getName()
                            + " reflectively: compile the model with dynamorm-processor, or on the"
                            + " module path open its package to dev.dynamorm.test",
                    ex);
        }
    }

    /**
     * Creates an instance through the generated schema, with its semantics (a record through its
     * canonical constructor, a bean through its no-argument constructor and setters; null for a
     * primitive gives zero or false).
     *
     * @param values one value per field of {@link #fields()}
     * @return the new instance
     * @throws IllegalStateException if the class has no generated schema
     */
    public Object create(Object[] values) {
        if (schema == null) {
            throw new IllegalStateException(type.getName() + " has no generated schema");
        }
        return schema.create(values);
    }

    @Override
    public String toString() {
        return "KitModel[" + type.getName() + (schema != null ? ", generated]" : ", reflective]");
    }
}
