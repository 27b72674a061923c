package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.spi.schema.PlainCodec;
import dev.dynamorm.spi.schema.StringCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link String} as {@code S}; the empty string is allowed (DynamoDB accepts it outside keys). */
final class StringConverter implements Converter<String>, StringCodec, PlainCodec {

    static final StringConverter INSTANCE = new StringConverter();

    private StringConverter() {}

    @Override
    public AttributeValue toAttributeValue(String value) {
        return AttributeValue.createS(Utf8Text.requireWellFormed(value, "string"));
    }

    @Override
    public String fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.S, "java.lang.String");
        return attribute.s();
    }

    @Override
    public AttributeValue encodeString(String value) {
        return AttributeValue.createS(Utf8Text.requireWellFormed(value, "string"));
    }

    @Override
    public String decodeString(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.S, "java.lang.String");
        return attribute.s();
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.S;
    }
}
