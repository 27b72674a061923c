package dev.dynamorm.engine.internal.model;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.spi.schema.ModelSchema;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The read of one generated model for one operation, resolved once per model: its schema and the
 * reader of that operation, so that an item goes straight to the generated code (no structure,
 * schema or per-operation lookups per item). Its final fields publish it to any thread that sees
 * it; the one other field, {@link #mode}, is decided at the first read (see there).
 *
 * @param <T> the model type
 */
final class SchemaRead<T> {

    private static final byte UNDECIDED = 0;
    private static final byte NAMED = 1;
    private static final byte ANY = 2;

    private final Class<T> type;
    private final ModelSchema<T> schema;
    private final SchemaItemReader in;
    private final Operation operation;

    /**
     * Whether items go to the schema's {@link ModelSchema#readNamed} (its generated attribute names
     * are the reader's, checked once here instead of per item) or to {@link ModelSchema#read}.
     * Decided at the first read rather than at registration, so that registering does not load the
     * schema's per-field code. Not volatile: every thread that decides decides the same (the
     * reader's names never change), so a thread that still sees {@link #UNDECIDED} only decides
     * again.
     */
    private byte mode;

    SchemaRead(Class<T> type, ModelSchema<T> schema, SchemaItemReader in, Operation operation) {
        this.type = type;
        this.schema = schema;
        this.in = in;
        this.operation = operation;
    }

    /**
     * Creates the instance an item describes, failures as the reflective path reports them. Not
     * cast to the model type: the schema is the model's own ({@code GeneratedSchemas} accepts a
     * schema only when its {@code type()} is the model's class), and generated code returns its
     * model type by construction.
     */
    T read(Map<String, AttributeValue> item) {
        try {
            return mode == NAMED ? schema.readNamed(item, in) : readOther(item);
        } catch (InvalidRequestException e) {
            throw e; // a converter's, or a setter's through FieldReader.setterFailed
        } catch (SchemaItemReader.ConverterFailure e) {
            throw e.original();
        } catch (RuntimeException e) {
            throw creationFailure(e);
        }
    }

    // out of line, so that read stays small enough to inline into the caller
    private T readOther(Map<String, AttributeValue> item) {
        byte m = mode;
        if (m == UNDECIDED) {
            m = namedReads() ? NAMED : ANY;
            mode = m;
        }
        return m == NAMED ? schema.readNamed(item, in) : schema.read(item, in);
    }

    /** Whether the schema has a named read that applies to this reader. */
    private boolean namedReads() {
        try {
            return schema.readsNamed(in);
        } catch (UnsupportedOperationException e) {
            return false; // generated before readsNamed existed, or a model without plain fields
        }
    }

    // out of line, so that read stays small enough to inline into the caller
    private InvalidRequestException creationFailure(RuntimeException e) {
        return ReflectiveModel.creationFailure(
                type,
                e,
                type.isRecord() ? "its canonical constructor" : "its no-argument constructor",
                operation);
    }
}
