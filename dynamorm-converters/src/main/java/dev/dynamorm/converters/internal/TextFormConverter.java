package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.time.DateTimeException;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A value stored as its text form in {@code S}: time types, {@link java.util.UUID}, {@link
 * java.net.URI}.
 *
 * @param <T> the Java type
 */
final class TextFormConverter<T> implements Converter<T> {

    private final String target;
    private final Function<? super T, String> format;
    private final Function<String, ? extends T> parse;

    /**
     * @param type the Java type, named in error messages
     * @param format writes the text form
     * @param parse reads the text form, throwing {@link IllegalArgumentException} or {@link
     *     DateTimeException} on bad input
     */
    TextFormConverter(
            Class<T> type,
            Function<? super T, String> format,
            Function<String, ? extends T> parse) {
        this.target = type.getName();
        this.format = format;
        this.parse = parse;
    }

    @Override
    public AttributeValue toAttributeValue(T value) {
        return AttributeValue.createS(format.apply(value));
    }

    @Override
    public T fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.S, target);
        String text = attribute.s();
        try {
            return parse.apply(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw Attributes.invalid("cannot read '%s' as %s: %s", text, target, e.getMessage());
        }
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.S;
    }
}
