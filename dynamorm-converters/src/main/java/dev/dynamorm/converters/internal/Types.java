package dev.dynamorm.converters.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;

/** Small helpers over {@link Type}; used only while resolving converters, never per value. */
final class Types {

    private Types() {}

    /** A type argument, with a wildcard replaced by its upper bound. */
    static Type argument(ParameterizedType type, int index) {
        Type argument = type.getActualTypeArguments()[index];
        return argument instanceof WildcardType wildcard ? upperBound(wildcard) : argument;
    }

    /** The upper bound of a wildcard ({@code Object} for {@code ?} and {@code ? super X}). */
    static Type upperBound(WildcardType wildcard) {
        Type[] bounds = wildcard.getUpperBounds();
        return bounds.length == 0 ? Object.class : bounds[0];
    }

    /**
     * The class of a class, parameterized or generic array type, or {@code null} for type
     * variables.
     */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> cls) {
            return cls;
        }
        if (type instanceof ParameterizedType parameterized) {
            return rawClass(parameterized.getRawType());
        }
        if (type instanceof GenericArrayType array) {
            Class<?> component = rawClass(array.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        if (type instanceof WildcardType wildcard) {
            return rawClass(upperBound(wildcard));
        }
        return null;
    }
}
