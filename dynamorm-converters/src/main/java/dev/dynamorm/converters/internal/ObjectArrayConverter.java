package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Arrays of reference types ({@code String[]}, {@code Integer[]}, {@code int[][]}) as {@code L},
 * with the element rules of {@link CollectionConverter}.
 */
final class ObjectArrayConverter implements Converter<Object[]> {

    private final Converter<Object> element;
    private final Object[] empty;
    private final AttributeValue.Type readableSetType;
    private final String target;

    /**
     * @param element the element converter
     * @param empty a zero-length array of the component type, copied to create arrays read
     * @param target the array type, for messages
     */
    ObjectArrayConverter(Converter<Object> element, Object[] empty, String target) {
        this.element = element;
        this.empty = empty;
        this.readableSetType = CollectionConverter.setTypeOf(element.attributeType());
        this.target = target;
    }

    @Override
    public AttributeValue toAttributeValue(Object[] value) {
        List<AttributeValue> items = new ArrayList<>(value.length);
        for (Object item : value) {
            items.add(Elements.write(element, item));
        }
        return AttributeValue.createL(items);
    }

    @Override
    public Object[] fromAttributeValue(AttributeValue attribute) {
        List<AttributeValue> items = Elements.items(attribute, readableSetType, target);
        Object[] result = Arrays.copyOf(empty, items.size());
        for (int i = 0; i < result.length; i++) {
            result[i] = Elements.read(element, items.get(i));
        }
        return result;
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.L;
    }
}
