package dev.dynamorm.engine.internal.model;

import dev.dynamorm.spi.schema.ModelSchema;
import java.util.function.Function;

/** Reads one field through a generated schema's direct getter call. */
final class SchemaGetter<T> implements Function<Object, Object> {

    private final ModelSchema<T> schema;
    private final int field;

    SchemaGetter(ModelSchema<T> schema, int field) {
        this.schema = schema;
        this.field = field;
    }

    @Override
    public Object apply(Object instance) {
        return schema.get(schema.type().cast(instance), field);
    }
}
