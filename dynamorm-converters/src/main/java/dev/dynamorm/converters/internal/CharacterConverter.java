package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code char} and {@link Character} as a one-character {@code S}. */
final class CharacterConverter implements Converter<Character> {

    static final CharacterConverter PRIMITIVE = new CharacterConverter("char", '\0');
    static final CharacterConverter BOXED = new CharacterConverter("java.lang.Character", null);

    private final String target;
    private final Character absent;

    private CharacterConverter(String target, Character absent) {
        this.target = target;
        this.absent = absent;
    }

    @Override
    public AttributeValue toAttributeValue(Character value) {
        return AttributeValue.createS(Utf8Text.requireWellFormed(value.toString(), target));
    }

    @Override
    public Character fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.S, target);
        String text = attribute.s();
        if (text.length() != 1) {
            throw Attributes.invalid(
                    "string '%s' has %d characters; %s holds exactly one",
                    text, text.length(), target);
        }
        return text.charAt(0);
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.S;
    }

    @Override
    public Character absentValue() {
        return absent;
    }
}
