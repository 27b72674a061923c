package dev.dynamorm.streams;

import dev.dynamorm.Converter;
import dev.dynamorm.ModelInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The changed fields of a MODIFY read from the raw images, without converting both decoded models
 * back to items: an attribute whose stored values are equal is unchanged (the same stored value
 * maps to the same field value, and plugins decrypt the same ciphertext to the same plaintext); an
 * attribute whose stored values differ is compared the way converting the models back would, by
 * passing each value through its field's converter there and back (so {@code "1.50"} and {@code
 * "1.5"} of a number field are equal). When the raw images cannot tell, {@link #changed} answers
 * null and the caller compares the converted models: a differing attribute that a plugin transforms
 * (ciphertext differs per write), is missing or null on one side (a primitive field reads a missing
 * value as its default), is not a field's, or whose converter is unknown; and every entity family
 * (members may give one attribute different converters). Built once per decoder. Immutable.
 */
final class RawImageDiff {
    /** Never answers: the caller always converts the models. */
    static final RawImageDiff NONE = new RawImageDiff(Map.of(), Map.of());

    private final Map<String, String> fieldOf; // attribute -> Java field name
    private final Map<String, Converter<Object>> converters; // attribute -> untransformed converter

    private RawImageDiff(Map<String, String> fieldOf, Map<String, Converter<Object>> converters) {
        this.fieldOf = fieldOf;
        this.converters = converters;
    }

    static RawImageDiff of(ModelInfo info) {
        if (info.discriminatorAttribute().isPresent()) {
            return NONE;
        }
        Map<String, String> fieldOf = new HashMap<>();
        Map<String, Converter<Object>> converters = new HashMap<>();
        Set<String> transformed = info.transformedAttributes();
        for (Map.Entry<String, String> e : info.attributeNames().entrySet()) {
            String attribute = e.getValue();
            if (fieldOf.put(attribute, e.getKey()) != null) {
                return NONE; // two fields share an attribute: leave it to the models
            }
            if (!transformed.contains(attribute)) {
                info.converter(e.getKey())
                        .ifPresent(c -> converters.put(attribute, objectConverter(c)));
            }
        }
        return new RawImageDiff(Map.copyOf(fieldOf), Map.copyOf(converters));
    }

    // a converter reads and writes values of one type; values go back to the converter they came
    // from
    @SuppressWarnings("unchecked")
    private static Converter<Object> objectConverter(Converter<?> c) {
        return (Converter<Object>) c;
    }

    /**
     * The Java names of the fields whose values differ between two images, or null when the raw
     * images cannot tell (see the class comment).
     */
    Set<String> changed(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        if (fieldOf.isEmpty()) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, AttributeValue> e : after.entrySet()) {
            String attribute = e.getKey();
            AttributeValue old = before.get(attribute);
            if (!e.getValue().equals(old) && differs(attribute, old, e.getValue(), out)) {
                return null;
            }
        }
        for (Map.Entry<String, AttributeValue> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                return null; // removed: a primitive field would read its default
            }
        }
        return out;
    }

    /**
     * Adds the attribute's field to {@code out} when its values convert to different items; true
     * when that cannot be told here.
     */
    private boolean differs(
            String attribute, AttributeValue old, AttributeValue now, Set<String> out) {
        Converter<Object> c = converters.get(attribute);
        if (c == null || absent(old) || absent(now)) {
            return true;
        }
        AttributeValue a;
        AttributeValue b;
        try {
            Object oldValue = c.fromAttributeValue(old);
            Object newValue = c.fromAttributeValue(now);
            if (oldValue == null || newValue == null) {
                return true;
            }
            a = c.toAttributeValue(oldValue);
            b = c.toAttributeValue(newValue);
        } catch (RuntimeException e) {
            return true; // the models' conversion reports it
        }
        if (!Objects.equals(a, b)) {
            out.add(fieldOf.get(attribute));
        }
        return false;
    }

    private static boolean absent(AttributeValue value) {
        return value == null || Boolean.TRUE.equals(value.nul());
    }
}
