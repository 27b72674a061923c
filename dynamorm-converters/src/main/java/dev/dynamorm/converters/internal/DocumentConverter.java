package dev.dynamorm.converters.internal;

import dev.dynamorm.Converter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Schemaless values declared as {@link Object} (and so the values of {@code Map<String, Object>}
 * and {@code List<Object>}).
 *
 * <p>Writes {@code String} as S, {@code Number} as N, {@code Boolean} as BOOL, {@code byte[]} and
 * {@code ByteBuffer} as B, {@code Map} with string keys as M, a {@code Set} of only strings,
 * numbers or binaries as SS, NS or BS, other collections and {@code Object[]} as L, {@code null} as
 * NULL; anything else fails. Reads S as {@code String}, N as {@code BigDecimal}, BOOL as {@code
 * Boolean}, B as {@code byte[]}, M as {@code LinkedHashMap<String, Object>}, L as {@code
 * ArrayList<Object>}, SS/NS/BS as a {@code LinkedHashSet} of {@code String}, {@code BigDecimal} or
 * {@code byte[]}, NULL as {@code null}. An empty set is written as an empty L (DynamoDB has no
 * empty sets) and so reads back as an empty list.
 *
 * <p>{@link #attributeType()} reports M, the usual case; the attribute written may be of any type.
 */
final class DocumentConverter implements Converter<Object> {

    static final DocumentConverter INSTANCE = new DocumentConverter();
    private static final String TARGET = "java.lang.Object";

    private DocumentConverter() {}

    @Override
    public AttributeValue toAttributeValue(Object value) {
        return write(value);
    }

    private static AttributeValue write(Object value) {
        if (value == null) {
            return Attributes.NUL;
        }
        if (value instanceof String s) {
            return AttributeValue.createS(Utf8Text.requireWellFormed(s, "string"));
        }
        if (value instanceof Boolean b) {
            return AttributeValue.createBool(b);
        }
        if (value instanceof Number n) {
            return AttributeValue.createN(Numbers.format(n));
        }
        if (value instanceof byte[] bytes) {
            return AttributeValue.createB(SdkBytes.fromByteArray(bytes));
        }
        if (value instanceof ByteBuffer buffer) {
            return ByteBufferConverter.INSTANCE.toAttributeValue(buffer);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> entries = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw Attributes.invalid(
                            "document map keys must be strings; found %s",
                            entry.getKey() == null ? "null" : entry.getKey().getClass().getName());
                }
                entries.put(Utf8Text.requireWellFormed(key, "map key"), write(entry.getValue()));
            }
            return AttributeValue.createM(entries);
        }
        if (value instanceof Set<?> set && !set.isEmpty()) {
            AttributeValue scalarSet = writeScalarSet(set);
            if (scalarSet != null) {
                return scalarSet;
            }
        }
        if (value instanceof Collection<?> collection) {
            List<AttributeValue> items = new ArrayList<>(collection.size());
            for (Object item : collection) {
                items.add(write(item));
            }
            return AttributeValue.createL(items);
        }
        if (value instanceof Object[] array) {
            List<AttributeValue> items = new ArrayList<>(array.length);
            for (Object item : array) {
                items.add(write(item));
            }
            return AttributeValue.createL(items);
        }
        throw Attributes.invalid(
                "cannot store %s in a document; document values are String, Number, "
                        + "Boolean, byte[], ByteBuffer, Map with String keys, Collection, Object[] or null",
                value.getClass().getName());
    }

    /** SS, NS or BS if every member is a string, a number, or binary; else {@code null}. */
    private static AttributeValue writeScalarSet(Set<?> set) {
        Object first = set.iterator().next();
        if (first instanceof String) {
            List<String> strings = new ArrayList<>(set.size());
            for (Object item : set) {
                if (!(item instanceof String s)) {
                    return null;
                }
                strings.add(Utf8Text.requireWellFormed(s, "string"));
            }
            return AttributeValue.createSs(strings);
        }
        if (first instanceof Number) {
            Map<BigDecimal, String> numbers = new LinkedHashMap<>();
            for (Object item : set) {
                if (!(item instanceof Number n)) {
                    return null;
                }
                String text = Numbers.format(n);
                numbers.putIfAbsent(new BigDecimal(text).stripTrailingZeros(), text);
            }
            return AttributeValue.createNs(new ArrayList<>(numbers.values()));
        }
        if (first instanceof byte[] || first instanceof ByteBuffer) {
            Map<ByteBuffer, SdkBytes> binaries = new LinkedHashMap<>();
            for (Object item : set) {
                if (!(item instanceof byte[] || item instanceof ByteBuffer)) {
                    return null;
                }
                SdkBytes bytes = write(item).b();
                binaries.putIfAbsent(bytes.asByteBuffer(), bytes);
            }
            return AttributeValue.createBs(new ArrayList<>(binaries.values()));
        }
        return null;
    }

    @Override
    public Object fromAttributeValue(AttributeValue attribute) {
        return read(attribute);
    }

    private static Object read(AttributeValue attribute) {
        AttributeValue.Type type = attribute.type();
        if (type == null) {
            throw Attributes.mismatch(attribute, TARGET, "S, N, B, BOOL, NUL, M, L, SS, NS or BS");
        }
        switch (type) {
            case S -> {
                return attribute.s();
            }
            case N -> {
                return Numbers.parseDecimal(attribute.n(), TARGET);
            }
            case BOOL -> {
                return attribute.bool();
            }
            case B -> {
                return attribute.b().asByteArray();
            }
            case NUL -> {
                return null;
            }
            case M -> {
                Map<String, Object> map = new LinkedHashMap<>(attribute.m().size() * 4 / 3 + 1);
                for (Map.Entry<String, AttributeValue> entry : attribute.m().entrySet()) {
                    map.put(entry.getKey(), read(entry.getValue()));
                }
                return map;
            }
            case L -> {
                List<Object> list = new ArrayList<>(attribute.l().size());
                for (AttributeValue item : attribute.l()) {
                    list.add(read(item));
                }
                return list;
            }
            case SS -> {
                return new LinkedHashSet<>(attribute.ss());
            }
            case NS -> {
                Set<Object> numbers = new LinkedHashSet<>();
                for (String n : attribute.ns()) {
                    numbers.add(Numbers.parseDecimal(n, TARGET));
                }
                return numbers;
            }
            case BS -> {
                Set<Object> binaries = new LinkedHashSet<>();
                for (SdkBytes b : attribute.bs()) {
                    binaries.add(b.asByteArray());
                }
                return binaries;
            }
            default ->
                    throw Attributes.mismatch(
                            attribute, TARGET, "S, N, B, BOOL, NUL, M, L, SS, NS or BS");
        }
    }

    @Override
    public AttributeValue.Type attributeType() {
        return AttributeValue.Type.M;
    }
}
