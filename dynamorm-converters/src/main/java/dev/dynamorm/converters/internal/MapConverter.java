package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Map<K, V>} as {@code M}: keys through {@link MapKeyCodec}, values through the converter of
 * V; {@code null} (or omitted) values are written as NULL and read back as V's absent value. Empty
 * maps are written as an empty {@code M}.
 */
final class MapConverter implements Converter<Map<Object, Object>> {

    private final MapKeyCodec keys;
    private final Converter<Object> values;
    private final Supplier<? extends Map<Object, Object>> factory;
    private final String target;

    /**
     * @param keys the key codec
     * @param values the value converter
     * @param factory creates the map read; null for a {@code LinkedHashMap} (the common case needs
     *     no factory class loaded)
     * @param target the declared type, for messages
     */
    MapConverter(
            MapKeyCodec keys,
            Converter<Object> values,
            Supplier<? extends Map<Object, Object>> factory,
            String target) {
        this.keys = keys;
        this.values = values;
        this.factory = factory;
        this.target = target;
    }

    @Override
    public AttributeValue toAttributeValue(Map<Object, Object> value) {
        Map<String, AttributeValue> entries = new LinkedHashMap<>(value.size() * 4 / 3 + 1);
        for (Map.Entry<Object, Object> entry : value.entrySet()) {
            if (entry.getKey() == null) {
                throw Attributes.invalid("%s cannot be stored with a null key", target);
            }
            entries.put(keys.write(entry.getKey()), Elements.write(values, entry.getValue()));
        }
        return AttributeValue.createM(entries);
    }

    @Override
    public Map<Object, Object> fromAttributeValue(AttributeValue attribute) {
        Attributes.require(attribute, AttributeValue.Type.M, target);
        Map<Object, Object> result = factory == null ? new LinkedHashMap<>() : factory.get();
        for (Map.Entry<String, AttributeValue> entry : attribute.m().entrySet()) {
            result.put(keys.read(entry.getKey()), Elements.read(values, entry.getValue()));
        }
        return result;
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.M;
    }
}
