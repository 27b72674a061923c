package dev.dynamorm.local.internal.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A key schema: one or more partition (HASH) attributes and zero or more sort (RANGE) attributes,
 * with their scalar types (S, N or B). Tables and local secondary indexes have at most one of each;
 * a global secondary index may have up to four of each (DynamoDB's multi-attribute keys).
 *
 * <p>A multi-attribute key is stored as one composite value: a {@link Value.L} of the attribute
 * values in schema order, which {@link KeyOrder} compares element by element (the order DynamoDB
 * keeps a multi-attribute sort key in). A single-attribute key stays the plain value.
 */
public record KeyDef(List<KeyPart> hashParts, List<KeyPart> rangeParts) {
    /** At most this many HASH (and, separately, RANGE) attributes in a global index key schema. */
    public static final int MAX_PARTS = 4;

    /** One attribute of a key schema. */
    public record KeyPart(String name, String type) {}

    public KeyDef {
        hashParts = List.copyOf(hashParts);
        rangeParts = List.copyOf(rangeParts);
        if (hashParts.isEmpty()) {
            throw new IllegalArgumentException("a key schema needs a HASH attribute");
        }
    }

    /** A single-attribute schema: {@code rangeName} null for a hash-only key. */
    public KeyDef(String hashName, String hashType, String rangeName, String rangeType) {
        this(
                List.of(new KeyPart(hashName, hashType)),
                rangeName == null ? List.of() : List.of(new KeyPart(rangeName, rangeType)));
    }

    /** The first (for a single-attribute key, the only) partition attribute. */
    public String hashName() {
        return hashParts.get(0).name();
    }

    /** The type of {@link #hashName()}. */
    public String hashType() {
        return hashParts.get(0).type();
    }

    /** The first sort attribute, or null. */
    public String rangeName() {
        return rangeParts.isEmpty() ? null : rangeParts.get(0).name();
    }

    /** The type of {@link #rangeName()}, or null. */
    public String rangeType() {
        return rangeParts.isEmpty() ? null : rangeParts.get(0).type();
    }

    /** Whether the schema has a range (sort) key. */
    public boolean hasRange() {
        return !rangeParts.isEmpty();
    }

    /** Whether the partition or the sort key has more than one attribute. */
    public boolean multiAttribute() {
        return hashParts.size() > 1 || rangeParts.size() > 1;
    }

    /** The key attribute names in schema order: partition attributes, then sort attributes. */
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        hashParts.forEach(p -> out.add(p.name()));
        rangeParts.forEach(p -> out.add(p.name()));
        return Collections.unmodifiableSet(out);
    }

    /**
     * The item's partition key value (composite for several attributes), or null if one is absent.
     */
    public Value hashValue(Map<String, Value> item) {
        return compose(hashParts, item);
    }

    /**
     * The item's sort key value (composite for several attributes), or null if the schema has no
     * sort key or one of its attributes is absent.
     */
    public Value rangeValue(Map<String, Value> item) {
        return rangeParts.isEmpty() ? null : compose(rangeParts, item);
    }

    private static Value compose(List<KeyPart> parts, Map<String, Value> item) {
        if (parts.size() == 1) {
            return item.get(parts.get(0).name());
        }
        List<Value> values = new ArrayList<>(parts.size());
        for (KeyPart p : parts) {
            Value v = item.get(p.name());
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        return new Value.L(values);
    }

    /** The composite of values given in schema order: the value itself when there is only one. */
    public static Value composite(List<Value> values) {
        return values.size() == 1 ? values.get(0) : new Value.L(values);
    }
}
