package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Arrays of primitives ({@code int[]}, {@code long[]}, {@code double[]}, ...) as {@code L},
 * elements through the converter of the primitive type. A NULL element reads as that converter's
 * absent value (zero, false).
 */
final class PrimitiveArrayConverter implements Converter<Object> {

    private final PrimitiveArrayKind kind;
    private final Converter<Object> element;
    private final AttributeValue.Type readableSetType;
    private final String target;

    PrimitiveArrayConverter(PrimitiveArrayKind kind, Converter<Object> element) {
        this.kind = kind;
        this.element = element;
        this.readableSetType = CollectionConverter.setTypeOf(element.attributeType());
        this.target = kind.component().getName() + "[]";
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        int length = kind.length(value);
        List<AttributeValue> items = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            items.add(Elements.write(element, kind.get(value, i)));
        }
        return AttributeValue.createL(items);
    }

    @Override
    public Object fromAttributeValue(AttributeValue attribute) {
        List<AttributeValue> items = Elements.items(attribute, readableSetType, target);
        Object result = kind.create(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = Elements.read(element, items.get(i));
            if (item == null) {
                throw Attributes.invalid("element %d of %s is null", i, target);
            }
            kind.set(result, i, item);
        }
        return result;
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.L;
    }
}
