package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Elements of containers (lists, sets, arrays, map values): {@code null} and omitted elements are
 * written as NULL; NULL is read back as the element converter's {@link Converter#absentValue()}.
 */
final class Elements {

    private Elements() {}

    /** Writes one element; never returns {@code null}. */
    static AttributeValue write(Converter<Object> element, Object value) {
        if (value == null) {
            return Attributes.NUL;
        }
        AttributeValue attribute = element.toAttributeValue(value);
        return attribute == null ? Attributes.NUL : attribute;
    }

    /** Reads one element. */
    static Object read(Converter<Object> element, AttributeValue attribute) {
        return Attributes.isNul(attribute)
                ? element.absentValue()
                : element.fromAttributeValue(attribute);
    }

    /**
     * The items of an {@code L} attribute or, when {@code setType} is not {@code null}, of a set
     * attribute of that type, each set member as its own scalar attribute.
     */
    static List<AttributeValue> items(
            AttributeValue attribute, AttributeValue.Type setType, String target) {
        AttributeValue.Type type = attribute.type();
        if (type == AttributeValue.Type.L) {
            return attribute.l();
        }
        if (type == setType && setType != null) {
            return members(attribute);
        }
        throw Attributes.mismatch(attribute, target, setType == null ? "L" : "L or " + setType);
    }

    /** The members of an SS, NS or BS attribute as S, N or B attributes. */
    static List<AttributeValue> members(AttributeValue set) {
        List<AttributeValue> members;
        switch (set.type()) {
            case SS -> {
                members = new ArrayList<>(set.ss().size());
                for (String s : set.ss()) {
                    members.add(AttributeValue.createS(s));
                }
                return members;
            }
            case NS -> {
                members = new ArrayList<>(set.ns().size());
                for (String n : set.ns()) {
                    members.add(AttributeValue.createN(n));
                }
                return members;
            }
            case BS -> {
                members = new ArrayList<>(set.bs().size());
                for (SdkBytes b : set.bs()) {
                    members.add(AttributeValue.createB(b));
                }
                return members;
            }
            default -> throw new IllegalStateException("not a set: " + set.type());
        }
    }
}
