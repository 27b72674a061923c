package dev.dynamorm;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Supplies converters for the types it knows. Providers are asked in descending {@link #priority()}
 * order; the first that answers wins, so a user provider with a higher priority than the built-ins
 * (priority 0) replaces them for its types.
 */
public interface ConverterProvider {

    /**
     * Returns a converter for a type, if this provider handles it.
     *
     * @param type a class or parameterized type, with type arguments resolved
     * @param lookup finds converters for element types
     * @return the converter, or empty
     */
    Optional<Converter<?>> converterFor(Type type, ConverterLookup lookup);

    /**
     * The order in which providers are asked; higher first.
     *
     * @return 0 for built-ins; user providers default to 100
     */
    default int priority() {
        return 100;
    }
}
