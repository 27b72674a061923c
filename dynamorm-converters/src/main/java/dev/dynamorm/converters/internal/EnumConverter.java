package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An enum as {@code S}, by {@link Enum#name()}; reading an unknown name fails, listing the valid
 * ones.
 *
 * @param <E> the enum type
 */
final class EnumConverter<E extends Enum<E>> implements Converter<E> {

    private final String target;
    private final Map<String, E> byName;
    private final String validNames;

    EnumConverter(Class<E> type) {
        this.target = type.getName();
        E[] constants = type.getEnumConstants();
        Map<String, E> names = new HashMap<>();
        StringJoiner joiner = new StringJoiner(", ");
        for (E constant : constants) {
            names.put(constant.name(), constant);
            joiner.add(constant.name());
        }
        this.byName = Map.copyOf(names);
        this.validNames = constants.length == 0 ? "(none)" : joiner.toString();
    }

    @Override
    public AttributeValue toAttributeValue(E value) {
        return AttributeValue.createS(value.name());
    }

    @Override
    public E fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.S, target);
        E value = byName.get(attribute.s());
        if (value == null) {
            throw Attributes.invalid(
                    "unknown name '%s' for enum %s; valid names: %s",
                    attribute.s(), target, validNames);
        }
        return value;
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.S;
    }
}
