package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import java.lang.reflect.Type;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A lookup that asks the built-in provider, recursively, as the engine would. */
final class RecursiveLookup implements ConverterLookup {

    static final RecursiveLookup INSTANCE = new RecursiveLookup();

    private final BuiltInConverterProvider provider = new BuiltInConverterProvider();

    @Override
    public Optional<Converter<?>> find(Type type) {
        return provider.converterFor(type, this);
    }

    /** The converter for a type; fails the test if there is none. */
    @SuppressWarnings("unchecked")
    static <T> Converter<T> converter(Type type) {
        return (Converter<T>)
                INSTANCE.find(type)
                        .orElseThrow(() -> new AssertionError("no converter for " + type));
    }

    /** The converter for a type captured by a {@link TypeRef}. */
    static <T> Converter<T> converter(TypeRef<T> type) {
        return converter(type.type());
    }

    /**
     * Writes and reads back a value, as the engine does: an omitted attribute reads as the absent
     * value.
     */
    static <T> T roundTrip(Converter<T> converter, T value) {
        AttributeValue attribute = converter.toAttributeValue(value);
        return attribute == null
                ? converter.absentValue()
                : converter.fromAttributeValue(attribute);
    }
}
