package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Optional<X>} through the converter of X: an empty optional omits the attribute, and an
 * absent attribute reads as {@link Optional#empty()}.
 *
 * @param <T> the element type
 */
final class OptionalConverter<T> implements Converter<Optional<T>> {

    private final Converter<T> element;

    OptionalConverter(Converter<T> element) {
        this.element = element;
    }

    @Override
    public AttributeValue toAttributeValue(Optional<T> value) {
        return value.isPresent() ? element.toAttributeValue(value.get()) : null;
    }

    @Override
    public Optional<T> fromAttributeValue(AttributeValue attribute) {
        return Optional.ofNullable(element.fromAttributeValue(attribute));
    }

    @Override
    public AttributeValue.Type attributeType() {
        return element.attributeType();
    }

    @Override
    public Optional<T> absentValue() {
        return Optional.empty();
    }
}
