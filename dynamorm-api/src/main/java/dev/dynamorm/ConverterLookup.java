package dev.dynamorm;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Finds the converter for a Java type; given to {@link ConverterProvider}s so that converters of
 * containers (lists, maps, optionals) can find the converters of their elements.
 */
public interface ConverterLookup {

    /**
     * Finds the converter for a type.
     *
     * @param type a class or parameterized type
     * @return the converter, or empty when no provider handles the type
     */
    Optional<Converter<?>> find(Type type);
}
