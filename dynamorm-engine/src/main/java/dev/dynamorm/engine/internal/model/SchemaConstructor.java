package dev.dynamorm.engine.internal.model;

import dev.dynamorm.spi.schema.ModelSchema;
import java.util.function.Function;

/** Creates instances through a generated schema's direct constructor (and setter) calls. */
final class SchemaConstructor<T> implements Function<Object[], Object> {

    private final ModelSchema<T> schema;

    SchemaConstructor(ModelSchema<T> schema) {
        this.schema = schema;
    }

    @Override
    public Object apply(Object[] values) {
        return schema.create(values);
    }
}
