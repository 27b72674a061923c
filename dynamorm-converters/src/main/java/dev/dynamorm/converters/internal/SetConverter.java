package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Set<X>} as a DynamoDB set when X is written as a scalar: SS for S (strings, enums, UUIDs,
 * dates...), NS for N, BS for B; otherwise as {@code L}.
 *
 * <p>DynamoDB rejects empty sets, so an empty set is never written: {@link #toAttributeValue}
 * returns {@code null} (the attribute is omitted) and an absent attribute reads as {@code null}.
 * Members that become equal once converted (numbers equal in value, byte arrays with the same
 * content) are written once. Reads the set type and also {@code L}; duplicates read are dropped.
 */
final class SetConverter implements Converter<Set<Object>> {

    private final Converter<Object> element;
    private final AttributeValue.Type setType;
    private final IntFunction<? extends Set<Object>> factory;
    private final boolean permitsNull;
    private final String target;

    /**
     * @param element the element converter
     * @param factory creates the set read, given the expected size
     * @param permitsNull whether the created set accepts {@code null}
     * @param target the declared type, for messages
     */
    SetConverter(
            Converter<Object> element,
            IntFunction<? extends Set<Object>> factory,
            boolean permitsNull,
            String target) {
        this.element = element;
        AttributeValue.Type scalarSet = CollectionConverter.setTypeOf(element.attributeType());
        this.setType = scalarSet == null ? AttributeValue.Type.L : scalarSet;
        this.factory = factory;
        this.permitsNull = permitsNull;
        this.target = target;
    }

    @Override
    public AttributeValue toAttributeValue(Set<Object> value) {
        if (value.isEmpty()) {
            return null;
        }
        switch (setType) {
            case SS -> {
                Set<String> strings = new LinkedHashSet<>();
                for (Object item : value) {
                    strings.add(member(item).s());
                }
                return AttributeValue.createSs(new ArrayList<>(strings));
            }
            case NS -> {
                Map<BigDecimal, String> numbers = new LinkedHashMap<>();
                for (Object item : value) {
                    String n = member(item).n();
                    numbers.putIfAbsent(Numbers.parseDecimal(n, target).stripTrailingZeros(), n);
                }
                return AttributeValue.createNs(new ArrayList<>(numbers.values()));
            }
            case BS -> {
                Map<ByteBuffer, SdkBytes> binaries = new LinkedHashMap<>();
                for (Object item : value) {
                    SdkBytes b = member(item).b();
                    binaries.putIfAbsent(b.asByteBuffer(), b);
                }
                return AttributeValue.createBs(new ArrayList<>(binaries.values()));
            }
            default -> {
                Set<AttributeValue> items = new LinkedHashSet<>();
                for (Object item : value) {
                    items.add(Elements.write(element, item));
                }
                return AttributeValue.createL(new ArrayList<>(items));
            }
        }
    }

    /** Converts a member of an SS/NS/BS set, which must be a scalar of the element type. */
    private AttributeValue member(Object item) {
        if (item == null) {
            throw Attributes.invalid("%s cannot contain null when stored as %s", target, setType);
        }
        AttributeValue attribute = element.toAttributeValue(item);
        AttributeValue.Type expected = element.attributeType();
        if (attribute == null || attribute.type() != expected) {
            throw Attributes.invalid(
                    "element %s of %s was written as %s, not %s",
                    item, target, attribute == null ? "nothing" : attribute.type(), expected);
        }
        return attribute;
    }

    @Override
    public Set<Object> fromAttributeValue(AttributeValue attribute) {
        List<AttributeValue> items;
        if (attribute.type() == AttributeValue.Type.L) {
            items = attribute.l();
        } else if (attribute.type() == setType) {
            items = Elements.members(attribute);
        } else {
            throw Attributes.mismatch(
                    attribute, target, setType == AttributeValue.Type.L ? "L" : setType + " or L");
        }
        Set<Object> result = factory.apply(items.size());
        for (AttributeValue item : items) {
            Object value = Elements.read(element, item);
            if (value == null && !permitsNull) {
                throw Attributes.invalid("%s cannot contain null", target);
            }
            result.add(value);
        }
        return result;
    }

    @Override
    public AttributeValue.Type attributeType() {
        return setType;
    }
}
