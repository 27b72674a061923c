package dev.dynamorm.engine.internal.model;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.spi.schema.ModelSchema;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The read of one generated model for one operation, resolved once per model: its schema and the
 * reader of that operation, so that an item goes straight to the generated code (no structure,
 * schema or per-operation lookups per item). Immutable: its final fields publish it to any thread
 * that sees it.
 *
 * @param <T> the model type
 */
final class SchemaRead<T> {

    private final Class<T> type;
    private final ModelSchema<T> schema;
    private final SchemaItemReader in;
    private final Operation operation;

    SchemaRead(Class<T> type, ModelSchema<T> schema, SchemaItemReader in, Operation operation) {
        this.type = type;
        this.schema = schema;
        this.in = in;
        this.operation = operation;
    }

    /** Creates the instance an item describes, failures as the reflective path reports them. */
    T read(Map<String, AttributeValue> item) {
        T instance;
        try {
            instance = schema.read(item, in);
        } catch (InvalidRequestException e) {
            throw e; // a converter's, or a setter's through FieldReader.setterFailed
        } catch (SchemaItemReader.ConverterFailure e) {
            throw e.original();
        } catch (RuntimeException e) {
            throw creationFailure(e);
        }
        return type.cast(instance);
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
