package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code List<X>} and {@code Collection<X>} as {@code L}, elements through the converter of X;
 * {@code null} elements are written as NULL. Reads {@code L}, and also SS/NS/BS when the elements
 * are S/N/B (data written as a set by other tools). Empty lists are written as an empty {@code L}.
 */
final class CollectionConverter implements Converter<Collection<Object>> {

    private final Converter<Object> element;
    private final IntFunction<? extends Collection<Object>> factory;
    private final AttributeValue.Type readableSetType;
    private final String target;

    /**
     * @param element the element converter
     * @param factory creates the collection read, given the expected size; null for an {@code
     *     ArrayList} (the common case needs no factory class loaded)
     * @param target the declared type, for messages
     */
    CollectionConverter(
            Converter<Object> element,
            IntFunction<? extends Collection<Object>> factory,
            String target) {
        this.element = element;
        this.factory = factory;
        this.readableSetType = setTypeOf(element.attributeType());
        this.target = target;
    }

    @Override
    public AttributeValue toAttributeValue(Collection<Object> value) {
        List<AttributeValue> items = new ArrayList<>(value.size());
        for (Object item : value) {
            items.add(Elements.write(element, item));
        }
        return AttributeValue.createL(items);
    }

    @Override
    public Collection<Object> fromAttributeValue(AttributeValue attribute) {
        List<AttributeValue> items = Elements.items(attribute, readableSetType, target);
        Collection<Object> result =
                factory == null ? new ArrayList<>(items.size()) : factory.apply(items.size());
        for (AttributeValue item : items) {
            result.add(Elements.read(element, item));
        }
        return result;
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.L;
    }

    /**
     * The set type holding elements of a type: SS for S, NS for N, BS for B, else {@code null}.
     * Here rather than in {@link Elements}: list converters are created while models register, and
     * Elements is needed only once values are read and written.
     */
    static AttributeValue.Type setTypeOf(AttributeValue.Type elementType) {
        if (elementType == null) {
            return null;
        }
        // an if chain: a switch on the enum loads a synthetic switch-map class (and, to verify
        // it, NoSuchFieldError) while the first list or set converter is created
        if (elementType == AttributeValue.Type.S) {
            return AttributeValue.Type.SS;
        }
        if (elementType == AttributeValue.Type.N) {
            return AttributeValue.Type.NS;
        }
        return elementType == AttributeValue.Type.B ? AttributeValue.Type.BS : null;
    }
}
