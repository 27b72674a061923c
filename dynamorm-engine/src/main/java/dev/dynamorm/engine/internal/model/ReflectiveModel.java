package dev.dynamorm.engine.internal.model;

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
 */
final class ReflectiveModel<T> implements ModelMetadata<T> {

    /** Everything known once the model is built. */
    // arrays for indexed access on the per-item paths; a Structure is never compared or hashed
    @SuppressWarnings("ArrayRecordComponent")
    record Structure(
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
            ModelSchema<?> schema,
            ReflectiveField[] bySlot) {}

    private final Class<T> type;
    private volatile Structure structure;

    /**
     * For a generated schema: its writer and reader per operation (by ordinal; the last for a null
     * operation); else null. Arrays, not {@code EnumMap}s: one load per item instead of a map
     * lookup. Written before {@link #structure}, whose volatile write publishes them.
     */
    private SchemaItemWriter[] writers;

    private SchemaRead<T>[] reads;

    /**
     * The read for {@link Operation#GET} (the common one: gets and {@code Table.fromItem}), or null
     * without a generated schema. Read without {@link #structure}: a {@link SchemaRead} is
     * immutable, so its final fields publish it whoever sees it.
     */
    private SchemaRead<T> getRead;

    ReflectiveModel(Class<T> type) {
        this.type = type;
    }

    void complete(Structure s) {
        if (structure != null) {
            throw new IllegalStateException(
                    "metadata of " + type.getName() + " is already complete");
        }
        ModelSchema<T> schema = schema(s);
        if (schema != null) {
            Operation[] ops = Operation.values();
            SchemaItemWriter[] w = new SchemaItemWriter[ops.length + 1];
            SchemaRead<T>[] r = newReads(ops.length + 1);
            SchemaItemReader.Slots slots = SchemaItemReader.Slots.of(s.bySlot());
            for (int i = 0; i <= ops.length; i++) {
                Operation op = i < ops.length ? ops[i] : null;
                w[i] = new SchemaItemWriter(s.bySlot(), op);
                r[i] = new SchemaRead<>(type, schema, new SchemaItemReader(type, slots, op), op);
            }
            writers = w;
            reads = r;
            getRead = r[slot(Operation.GET, r.length)];
        }
        structure = s;
    }

    boolean isComplete() {
        return structure != null;
    }

    private Structure s() {
        Structure s = structure;
        if (s == null) {
            throw new IllegalStateException(
                    "the metadata of "
                            + type.getName()
                            + " is incomplete: its registration failed or is still running");
        }
        return s;
    }

    /** The record constructor, or null for beans (exposed for tests of the accessor strategy). */
    Function<Object[], Object> recordConstructor() {
        return s().recordConstructor();
    }

    /** Whether instances are records (built through the canonical constructor). */
    boolean isRecord() {
        return s().recordConstructor() != null;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public Optional<String> tableName() {
        return s().tableName();
    }

    @Override
    public List<FieldMetadata> fields() {
        return s().fields();
    }

    @Override
    public FieldMetadata field(String javaName) {
        return s().byName().get(javaName);
    }

    @Override
    public FieldMetadata fieldByAttribute(String attributeName) {
        return s().byAttribute().get(attributeName);
    }

    @Override
    public FieldMetadata partitionKey() {
        FieldMetadata pk = s().partitionKey();
        if (pk == null) {
            throw new IllegalStateException(
                    type.getName() + " is a nested type without @DynamoTable and has no keys");
        }
        return pk;
    }

    @Override
    public Optional<FieldMetadata> sortKey() {
        return s().sortKey();
    }

    @Override
    public List<IndexMetadata> indexes() {
        return s().indexes();
    }

    @Override
    public Optional<FieldMetadata> versionField() {
        return s().versionField();
    }

    @Override
    public Optional<FieldMetadata> createdAtField() {
        return s().createdAtField();
    }

    @Override
    public Optional<FieldMetadata> updatedAtField() {
        return s().updatedAtField();
    }

    @Override
    public Optional<FieldMetadata> ttlField() {
        return s().ttlField();
    }

    @Override
    public List<FieldMetadata> encryptedFields() {
        return s().encryptedFields();
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance) {
        return toItem(instance, Operation.PUT);
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance, Operation operation) {
        Objects.requireNonNull(instance, "instance");
        Structure s = s();
        ReflectiveField[] fields = s.fieldArray();
        Map<String, AttributeValue> item = new HashMap<>(fields.length * 4 / 3 + 1);
        ModelSchema<T> schema = schema(s);
        if (schema != null) {
            SchemaItemWriter[] w = writers;
            schema.write(instance, item, w[slot(operation, w.length)]);
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
        Structure s = s();
        SchemaRead<T>[] r = reads;
        if (r != null) {
            return r[slot(operation, r.length)].read(item);
        }
        return fromReflection(s, item, operation);
    }

    // apart from fromItem so that fromItem stays small enough for the JIT to inline into callers
    private T fromReflection(Structure s, Map<String, AttributeValue> item, Operation operation) {
        ReflectiveField[] fields = s.fieldArray();
        if (s.recordConstructor() != null) {
            Object[] args = s.recordDefaults().clone();
            int[] slots = s.recordSlots();
            for (int i = 0; i < fields.length; i++) {
                args[slots[i]] =
                        fields[i].fromAttributeValue(
                                item.get(fields[i].attributeName()), operation);
            }
            try {
                return type.cast(s.recordConstructor().apply(args));
            } catch (RuntimeException e) {
                throw creationFailure(e, "its canonical constructor", operation);
            }
        }
        Object instance;
        try {
            instance = s.beanConstructor().get();
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

    /** The generated schema the model was read from, or null. */
    @SuppressWarnings("unchecked") // the builder stores the schema of this very type
    private ModelSchema<T> schema(Structure s) {
        return (ModelSchema<T>) s.schema();
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

    @Override
    public String toString() {
        Structure s = structure;
        return "ModelMetadata["
                + type.getName()
                + (s == null ? ", incomplete" : ", fields=" + s.fields())
                + "]";
    }
}
