package dev.dynamorm.converters.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type: {@code new TypeRef<List<String>>() {}.type()}.
 *
 * @param <T> the captured type
 */
abstract class TypeRef<T> {

    private final Type type;

    protected TypeRef() {
        this.type =
                ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
    }

    Type type() {
        return type;
    }
}
