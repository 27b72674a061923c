package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vector indexes of one table and the attribute types only their search schemas use: part of
 * the table's definition, so they are journaled, snapshotted and restored with it.
 */
public final class VectorIndexes {
    /** A table without vector indexes. */
    public static final VectorIndexes NONE = new VectorIndexes(List.of(), Map.of());

    private static final BigDecimal MAX_FLOAT = new BigDecimal(Float.toString(Float.MAX_VALUE));
    private static final BigDecimal MIN_FLOAT = MAX_FLOAT.negate();

    private final List<VectorIndexDef> indexes;
    private final Map<String, String> searchTypes;

    VectorIndexes(List<VectorIndexDef> indexes, Map<String, String> searchTypes) {
        this.indexes = List.copyOf(indexes);
        this.searchTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(searchTypes));
    }

    List<VectorIndexDef> indexes() {
        return indexes;
    }

    Map<String, String> searchTypes() {
        return searchTypes;
    }

    /**
     * Whether the table has no vector index.
     *
     * @return true without vector indexes
     */
    public boolean isEmpty() {
        return indexes.isEmpty();
    }

    /**
     * Refuses an item to be written whose vector attribute does not fit an index, in Dynoxide's
     * words (type, then length, then each element's type, then each element's range).
     */
    void checkItem(Map<String, Value> item) {
        for (VectorIndexDef d : indexes) {
            Value v = item.get(d.attribute());
            if (v != null) {
                checkVector(d, v);
            }
        }
    }

    /** Whether a message is {@link #checkItem}'s refusal (a transaction cancels with it). */
    static boolean isVectorRefusal(String message) {
        return message != null && message.startsWith(REFUSAL + "Invalid ");
    }

    private static final String REFUSAL = "One or more parameter values were invalid. ";

    private static void checkVector(VectorIndexDef d, Value v) {
        String prefix = REFUSAL;
        String suffix = " IndexName: " + d.name();
        if (!(v instanceof Value.L list)) {
            throw DynamoException.validation(
                    prefix
                            + "Invalid type for parameter "
                            + d.attribute()
                            + ", Expected: 32-bit floating point number list"
                            + suffix);
        }
        if (list.v().size() != d.dimensions()) {
            throw DynamoException.validation(
                    prefix
                            + "Invalid size for parameter "
                            + d.attribute()
                            + ", Expected: "
                            + d.dimensions()
                            + ", Actual: "
                            + list.v().size()
                            + suffix);
        }
        for (int i = 0; i < list.v().size(); i++) {
            if (!(list.v().get(i) instanceof Value.N)) {
                throw DynamoException.validation(
                        prefix
                                + "Invalid type for parameter "
                                + d.attribute()
                                + "["
                                + i
                                + "], Expected: 32-bit floating point number, Actual: "
                                + list.v().get(i).type()
                                + "."
                                + suffix);
            }
        }
        for (int i = 0; i < list.v().size(); i++) {
            BigDecimal n = ((Value.N) list.v().get(i)).v();
            if (n.compareTo(MAX_FLOAT) > 0 || n.compareTo(MIN_FLOAT) < 0) {
                throw DynamoException.validation(
                        prefix
                                + "Invalid value for parameter "
                                + d.attribute()
                                + "["
                                + i
                                + "], Value: "
                                + n
                                + " is outside valid range [-3.4028235E38, 3.4028235E38]."
                                + suffix);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorIndexes other
                && indexes.equals(other.indexes)
                && searchTypes.equals(other.searchTypes);
    }

    @Override
    public int hashCode() {
        return indexes.hashCode() * 31 + searchTypes.hashCode();
    }

    /**
     * The indexes as a JSON tree for the write-ahead log and snapshots.
     *
     * @return a tree that {@link #fromJson} reads back
     */
    public Map<String, Object> toJson() {
        List<Object> list = new ArrayList<>();
        for (VectorIndexDef d : indexes) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", d.name());
            o.put("attribute", d.attribute());
            o.put("dimensions", d.dimensions());
            o.put("distance", d.distance());
            o.put("hash", d.hashKey());
            o.put("filters", new ArrayList<Object>(d.inlineFilters()));
            o.put("projection", d.projection());
            o.put("nonKey", new ArrayList<Object>(d.nonKeyAttributes()));
            list.add(o);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indexes", list);
        out.put("searchTypes", new LinkedHashMap<String, Object>(searchTypes));
        return out;
    }

    /**
     * Reads what {@link #toJson} wrote.
     *
     * @param json the tree, or null for a table without vector indexes
     * @return the indexes
     */
    @SuppressWarnings("unchecked")
    public static VectorIndexes fromJson(Object json) {
        if (json == null) {
            return NONE;
        }
        Map<String, Object> m = (Map<String, Object>) json;
        List<VectorIndexDef> defs = new ArrayList<>();
        for (Object x : (List<Object>) m.get("indexes")) {
            Map<String, Object> o = (Map<String, Object>) x;
            defs.add(
                    new VectorIndexDef(
                            (String) o.get("name"),
                            (String) o.get("attribute"),
                            ((Number) o.get("dimensions")).intValue(),
                            (String) o.get("distance"),
                            (String) o.get("hash"),
                            strings(o.get("filters")),
                            (String) o.get("projection"),
                            strings(o.get("nonKey"))));
        }
        Map<String, String> types = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("searchTypes")).forEach((k, v) -> types.put(k, (String) v));
        return new VectorIndexes(defs, types);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        ((List<Object>) list).forEach(s -> out.add((String) s));
        return out;
    }
}
