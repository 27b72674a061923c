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
 * it; the two other fields, {@link #named} and {@link #any}, are decided at the first read (see
 * there).
 *
 * @param <T> the model type
 */
final class SchemaRead<T> {

    private final Class<T> type;
    private final ModelSchema<T> schema;
    private final SchemaItemReader in;
    private final Operation operation;

    /**
     * The schema's codec ({@link ModelSchema#codec()}) when items go to its {@link
     * ModelSchema#readNamed} (its generated attribute names are the reader's, checked once here
     * instead of per item), else null. Decided at the first read rather than at registration, so
     * that registering does not load the schema's per-field code. Not volatile: every thread that
     * decides decides the same (the reader's names never change, and the codec is one immutable
     * object), so a thread that still sees null only decides again.
     */
    private ModelSchema<T> named;

    /** The codec, when the first read found that items go to its {@link ModelSchema#read}. */
    private ModelSchema<T> any;

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
            ModelSchema<T> n = named;
            return n != null ? n.readNamed(item, in) : readOther(item);
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
        ModelSchema<T> c = any;
        if (c == null) {
            c = schema.codec();
            if (namedReads(c)) {
                named = c;
                return c.readNamed(item, in);
            }
            any = c;
        }
        return c.read(item, in);
    }

    /** Whether the codec has a named read that applies to this reader. */
    private boolean namedReads(ModelSchema<T> codec) {
        try {
            return codec.readsNamed(in);
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
