package dev.dynamorm.engine.internal.model;

import dev.dynamorm.spi.schema.ModelSchema;
import java.util.function.Function;

/**
 * Reads one field through a generated schema's direct getter call, or (the {@link #constructor} of
 * the schema) creates instances through its direct constructor and setter calls: one class for
 * both, so that registering the first generated model loads one class for them instead of two.
 */
final class SchemaGetter<T> implements Function<Object, Object> {

    /** The field index of the constructor: no field. */
    private static final int CONSTRUCTOR = -1;

    private final ModelSchema<T> schema;
    private final int field;

    SchemaGetter(ModelSchema<T> schema, int field) {
        this.schema = schema;
        this.field = field;
    }

    /** Creates instances from one array of values, in schema order. */
    @SuppressWarnings("unchecked") // apply casts its argument to the array it is given here
    static Function<Object[], Object> constructor(ModelSchema<?> schema) {
        Function<?, Object> f = new SchemaGetter<>(schema, CONSTRUCTOR);
        return (Function<Object[], Object>) f;
    }

    @Override
    public Object apply(Object instance) {
        if (field == CONSTRUCTOR) {
            return schema.create((Object[]) instance);
        }
        return schema.get(schema.type().cast(instance), field);
    }
}
