package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.time.DateTimeException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A value stored as its text form in {@code S}: time types, {@link java.util.UUID}, {@link
 * java.net.URI}.
 *
 * @param <T> the Java type
 */
final class TextFormConverter<T> implements Converter<T> {

    private final Class<T> type;
    private final String target;
    private final TextForm form;

    /**
     * @param type the Java type, named in error messages
     * @param form how a value of {@code type} is written and read
     */
    TextFormConverter(Class<T> type, TextForm form) {
        this.type = type;
        this.target = type.getName();
        this.form = form;
    }

    @Override
    public AttributeValue toAttributeValue(T value) {
        return AttributeValue.createS(form.format(value));
    }

    @Override
    public T fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.S, target);
        String text = attribute.s();
        try {
            return type.cast(form.parse(text));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw Attributes.invalid("cannot read '%s' as %s: %s", text, target, e.getMessage());
        }
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.S;
    }
}
