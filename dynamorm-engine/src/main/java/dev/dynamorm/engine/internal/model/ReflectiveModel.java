package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.spi.schema.ModelSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Model metadata built by reflection. Created empty and completed once by the {@link ModelBuilder}
 * (so that recursive types can refer to themselves while being built); only completed instances are
 * published by the registry.
 *
 * <p>Records are built through the canonical constructor, ignored components receiving null (or
 * zero/false). Beans are built through the no-argument constructor and their setters; a setter is
 * not called when the value read is null, so field initializers stay in effect for absent
 * attributes whose converter has no absent value.
 *
 * <p>A model is also the converter of its class where it is nested in another model: it stores an
 * instance as a map attribute (M). One class rather than a converter holding the model: a class
 * less to load while the first model with a nested type registers. The metadata may still be under
 * construction when a field takes it as converter (recursive types); it is only used as one once
 * construction has finished.
 */
final class ReflectiveModel<T> implements ModelMetadata<T>, Converter<Object> {

    private final Class<T> type;

    /**
     * Whether {@link #complete} has run: its volatile write publishes every field below, which are
     * written once before it (fields rather than one record of them: a class less to load at the
     * first registration).
     */
    private volatile boolean complete;

    // everything known once the model is built; arrays for indexed access on the per-item paths
    private Optional<String> tableName;
    private List<FieldMetadata> fields;
    private ReflectiveField[] fieldArray;
    private Map<String, ReflectiveField> byName;
    private Map<String, ReflectiveField> byAttribute;
    private FieldMetadata partitionKey;
    private Optional<FieldMetadata> sortKey;
    private List<IndexMetadata> indexes;
    private Optional<FieldMetadata> versionField;
    private Optional<FieldMetadata> createdAtField;
    private Optional<FieldMetadata> updatedAtField;
    private Optional<FieldMetadata> ttlField;
    private List<FieldMetadata> encryptedFields;
    private Function<Object[], Object> recordConstructor;
    private int[] recordSlots;
    private Object[] recordDefaults;
    private Supplier<Object> beanConstructor;

    /** The generated schema the model was read from, or null. */
    private ModelSchema<T> schema;

    /**
     * The schema's per-field code ({@link ModelSchema#codec()}), found at the first item written so
     * that registering does not load it; null until then. Racy but safe: every thread finds the
     * same immutable object.
     */
    private ModelSchema<T> codec;

    /** Whether a field is {@code @Unique}, known to the builder (no pass over the fields). */
    private boolean anyUnique;

    /**
     * For a generated schema: its writer and reader per operation (by ordinal; the last for a null
     * operation), each made at the first item of its operation (most models see a few); else null.
     * Arrays, not {@code EnumMap}s: one load per item instead of a map lookup. The arrays are
     * written before {@link #complete}, whose volatile write publishes them.
     */
    private SchemaItemWriter[] writers;

    private SchemaRead<T>[] reads;

    /** For a generated schema: what its readers share, and its fields by schema index. */
    private SchemaItemReader.Slots slots;

    private ReflectiveField[] bySlot;

    /**
     * The read for {@link Operation#GET} (the common one: gets and {@code Table.fromItem}), or null
     * without a generated schema. Read without {@link #complete}: a {@link SchemaRead} is
     * immutable, so its final fields publish it whoever sees it.
     */
    private SchemaRead<T> getRead;

    ReflectiveModel(Class<T> type) {
        this.type = type;
    }

    /**
     * Completes the model once, with everything the builder learnt.
     *
     * @param bySlot for a generated schema, its fields by schema index (null when unmapped); else
     *     null
     * @param anyUnique whether a field is {@code @Unique}
     */
    // one call from the builder; parameters rather than a holder record: a class less to load
    void complete(
            Optional<String> tableName,
            List<FieldMetadata> fields,
            ReflectiveField[] fieldArray,
            Map<String, ReflectiveField> byName,
            Map<String, ReflectiveField> byAttribute,
            FieldMetadata partitionKey,
            Optional<FieldMetadata> sortKey,
            List<IndexMetadata> indexes,
            Optional<FieldMetadata> versionField,
            Optional<FieldMetadata> createdAtField,
            Optional<FieldMetadata> updatedAtField,
            Optional<FieldMetadata> ttlField,
            List<FieldMetadata> encryptedFields,
            Function<Object[], Object> recordConstructor,
            int[] recordSlots,
            Object[] recordDefaults,
            Supplier<Object> beanConstructor,
            ModelSchema<T> schema,
            ReflectiveField[] bySlot,
            boolean anyUnique) {
        if (complete) {
            throw new IllegalStateException(
                    "metadata of " + type.getName() + " is already complete");
        }
        this.tableName = tableName;
        this.fields = fields;
        this.fieldArray = fieldArray;
        this.byName = byName;
        this.byAttribute = byAttribute;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.indexes = indexes;
        this.versionField = versionField;
        this.createdAtField = createdAtField;
        this.updatedAtField = updatedAtField;
        this.ttlField = ttlField;
        this.encryptedFields = encryptedFields;
        this.recordConstructor = recordConstructor;
        this.recordSlots = recordSlots;
        this.recordDefaults = recordDefaults;
        this.beanConstructor = beanConstructor;
        this.schema = schema;
        this.anyUnique = anyUnique;
        if (schema != null) {
            int n = Operation.values().length + 1;
            slots = SchemaItemReader.Slots.of(bySlot);
            this.bySlot = bySlot;
            writers = new SchemaItemWriter[n];
            reads = newReads(n);
            // the get's read and the put's writer now (the first item of nearly every model is
            // one of those); another operation's at its first item
            getRead = read(Operation.GET);
            writer(Operation.PUT);
        }
        complete = true;
    }

    boolean isComplete() {
        return complete;
    }

    /** Whether a field is {@code @Unique}, as {@link FieldMetadata#isUnique} answers. */
    boolean anyUnique() {
        requireComplete();
        return anyUnique;
    }

    /** Fails unless the model is complete; its volatile read publishes the fields. */
    private void requireComplete() {
        if (!complete) {
            throw new IllegalStateException(
                    "the metadata of "
                            + type.getName()
                            + " is incomplete: its registration failed or is still running");
        }
    }

    /** The record constructor, or null for beans (exposed for tests of the accessor strategy). */
    Function<Object[], Object> recordConstructor() {
        requireComplete();
        return recordConstructor;
    }

    /** Whether instances are records (built through the canonical constructor). */
    boolean isRecord() {
        requireComplete();
        return recordConstructor != null;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public Optional<String> tableName() {
        requireComplete();
        return tableName;
    }

    @Override
    public List<FieldMetadata> fields() {
        requireComplete();
        return fields;
    }

    @Override
    public FieldMetadata field(String javaName) {
        requireComplete();
        return byName.get(javaName);
    }

    @Override
    public FieldMetadata fieldByAttribute(String attributeName) {
        requireComplete();
        return byAttribute.get(attributeName);
    }

    @Override
    public FieldMetadata partitionKey() {
        requireComplete();
        FieldMetadata pk = partitionKey;
        if (pk == null) {
            throw new IllegalStateException(
                    type.getName() + " is a nested type without @DynamoTable and has no keys");
        }
        return pk;
    }

    @Override
    public Optional<FieldMetadata> sortKey() {
        requireComplete();
        return sortKey;
    }

    @Override
    public List<IndexMetadata> indexes() {
        requireComplete();
        return indexes;
    }

    @Override
    public Optional<FieldMetadata> versionField() {
        requireComplete();
        return versionField;
    }

    @Override
    public Optional<FieldMetadata> createdAtField() {
        requireComplete();
        return createdAtField;
    }

    @Override
    public Optional<FieldMetadata> updatedAtField() {
        requireComplete();
        return updatedAtField;
    }

    @Override
    public Optional<FieldMetadata> ttlField() {
        requireComplete();
        return ttlField;
    }

    @Override
    public List<FieldMetadata> encryptedFields() {
        requireComplete();
        return encryptedFields;
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance) {
        return toItem(instance, Operation.PUT);
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance, Operation operation) {
        Objects.requireNonNull(instance, "instance");
        requireComplete();
        ReflectiveField[] fields = fieldArray;
        Map<String, AttributeValue> item = new HashMap<>(fields.length * 4 / 3 + 1);
        ModelSchema<T> schema = this.schema;
        if (schema != null) {
            ModelSchema<T> c = codec;
            if (c == null) {
                c = schema.codec();
                codec = c;
            }
            c.write(instance, item, writer(operation));
            return item;
        }
        for (ReflectiveField f : fields) {
            Object value = f.get(instance);
            if (value != null) {
                AttributeValue av = f.toAttributeValue(value, operation);
                if (av != null) {
                    item.put(f.attributeName(), av);
                }
            }
        }
        return item;
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item) {
        SchemaRead<T> r = getRead;
        if (r != null) {
            return r.read(Objects.requireNonNull(item, "item"));
        }
        return fromItem(item, Operation.GET);
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item, Operation operation) {
        Objects.requireNonNull(item, "item");
        SchemaRead<T> get = getRead;
        if (get != null && operation == Operation.GET) {
            return get.read(item);
        }
        requireComplete();
        if (reads != null) {
            return read(operation).read(item);
        }
        return fromReflection(item, operation);
    }

    // apart from fromItem so that fromItem stays small enough for the JIT to inline into callers
    private T fromReflection(Map<String, AttributeValue> item, Operation operation) {
        ReflectiveField[] fields = fieldArray;
        if (recordConstructor != null) {
            Object[] args = recordDefaults.clone();
            int[] slots = recordSlots;
            for (int i = 0; i < fields.length; i++) {
                args[slots[i]] =
                        fields[i].fromAttributeValue(
                                item.get(fields[i].attributeName()), operation);
            }
            try {
                return type.cast(recordConstructor.apply(args));
            } catch (RuntimeException e) {
                throw creationFailure(e, "its canonical constructor", operation);
            }
        }
        Object instance;
        try {
            instance = beanConstructor.get();
        } catch (RuntimeException e) {
            throw creationFailure(e, "its no-argument constructor", operation);
        }
        for (ReflectiveField f : fields) {
            Object value = f.fromAttributeValue(item.get(f.attributeName()), operation);
            if (value != null) {
                try {
                    f.set(instance, value);
                } catch (RuntimeException e) {
                    throw creationFailure(e, "the setter of field '" + f.name() + "'", operation);
                }
            }
        }
        return type.cast(instance);
    }

    /**
     * The writer of an operation (null: none named), made at its first item. Racy but safe: a
     * writer is immutable, so two threads may each make one and either answers the same.
     */
    private SchemaItemWriter writer(Operation operation) {
        SchemaItemWriter[] w = writers;
        int i = slot(operation, w.length);
        SchemaItemWriter writer = w[i];
        if (writer == null) {
            writer = new SchemaItemWriter(bySlot, operation);
            w[i] = writer;
        }
        return writer;
    }

    /** The read of an operation, made at its first item; racy but safe, as {@link #writer}. */
    private SchemaRead<T> read(Operation operation) {
        SchemaRead<T>[] r = reads;
        int i = slot(operation, r.length);
        SchemaRead<T> read = r[i];
        if (read == null) {
            read =
                    new SchemaRead<>(
                            type, schema, new SchemaItemReader(type, slots, operation), operation);
            r[i] = read;
        }
        return read;
    }

    /**
     * The index of an operation's writer or reader in arrays of {@code length}: its ordinal, the
     * last for a null operation.
     */
    // the arrays are built from Operation.values() in this class, in the same JVM: ordinals match
    @SuppressWarnings("EnumOrdinal")
    private static int slot(Operation operation, int length) {
        return operation == null ? length - 1 : operation.ordinal();
    }

    @SuppressWarnings("unchecked") // an array of the erased type holds reads of T only
    private static <T> SchemaRead<T>[] newReads(int length) {
        return (SchemaRead<T>[]) new SchemaRead<?>[length];
    }

    private InvalidRequestException creationFailure(
            RuntimeException e, String what, Operation operation) {
        return creationFailure(type, e, what, operation);
    }

    /** The failure to create an instance of a model from a stored item. */
    static InvalidRequestException creationFailure(
            Class<?> type, RuntimeException e, String what, Operation operation) {
        InvalidRequestException ex =
                new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot create a %s from a stored item: %s threw %s: %s",
                                type.getName(),
                                what,
                                e.getClass().getName(),
                                e.getMessage()),
                        operation,
                        type,
                        null);
        ex.addSuppressed(e);
        return ex;
    }

    /**
     * Stores a nested instance as a map attribute (M).
     *
     * @throws ClassCastException if the value is not an instance of the model's class
     * @throws IllegalArgumentException if the model has encrypted fields or a value cannot be
     *     stored
     */
    @Override
    @SuppressWarnings("unchecked")
    public AttributeValue toAttributeValue(Object value) {
        if (!type.isInstance(value)) {
            throw new ClassCastException(
                    String.format(
                            Locale.ROOT,
                            "expected a %s but got a %s",
                            type.getName(),
                            value.getClass().getName()));
        }
        if (!encryptedFields().isEmpty()) {
            // a table model with @Encrypted fields used as a nested value: nothing would encrypt
            // them
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "%s has @Encrypted fields %s, which are not encrypted when it is stored nested inside another "
                                    + "model: mark the enclosing field @Encrypted instead",
                            type.getName(),
                            encryptedFields().stream().map(FieldMetadata::name).toList()));
        }
        try {
            return AttributeValue.createM(toItem((T) value, null));
        } catch (InvalidRequestException e) {
            // the enclosing field reports it, with the operation and the outer model
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads a nested instance from a map attribute (M).
     *
     * @throws IllegalArgumentException if the attribute is not a map or cannot be read
     */
    @Override
    public Object fromAttributeValue(AttributeValue attribute) {
        if (attribute.type() != AttributeValue.Type.M) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "expected a map (M) attribute for %s but got a %s attribute",
                            type.getName(),
                            attribute.type()));
        }
        try {
            return fromItem(attribute.m(), null);
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A nested instance is stored as a map. */
    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.M;
    }

    @Override
    public String toString() {
        return "ModelMetadata["
                + type.getName()
                + (complete ? ", fields=" + fields : ", incomplete")
                + "]";
    }
}
