package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.KeyOrder;
import dev.dynamorm.local.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TTL-enabled table's keys ordered by the number in their item's TTL attribute, so that a sweep
 * visits the items that expired and no other. Items whose TTL attribute is absent or not a number
 * never expire and are not held. Guarded by the table's lock: changed under the write lock, read
 * under either.
 */
final class ExpiryIndex {
    /**
     * An item's expiry and key; a null key is the bound that sorts before every key at {@code at}.
     */
    private record Entry(BigDecimal at, PrimaryKey key) {}

    private static final Comparator<Entry> ORDER =
            (a, b) -> {
                int c = a.at.compareTo(b.at);
                if (c != 0 || a.key == b.key) {
                    return c;
                }
                if (a.key == null || b.key == null) {
                    return a.key == null ? -1 : 1;
                }
                // key values compare like the table's own partitions (1 and 1.0 are one key)
                c = KeyOrder.INSTANCE.compare(a.key.hash(), b.key.hash());
                if (c != 0) {
                    return c;
                }
                Value ar = a.key.range();
                Value br = b.key.range();
                if (ar == null || br == null) {
                    return ar == br ? 0 : ar == null ? -1 : 1;
                }
                return KeyOrder.INSTANCE.compare(ar, br);
            };

    private final TreeSet<Entry> entries = new TreeSet<>(ORDER);

    /**
     * Entries visited by {@link #expired} since this index was made (a test hook); atomic because
     * sweeps read under the shared read lock.
     */
    private final AtomicLong visited = new AtomicLong();

    /** The expiry an item would be held under, or null when its TTL attribute is not a number. */
    static BigDecimal expiryOf(Map<String, Value> item, String ttlAttribute) {
        return item.get(ttlAttribute) instanceof Value.N n ? n.v() : null;
    }

    void add(BigDecimal at, PrimaryKey key) {
        entries.add(new Entry(at, key));
    }

    void remove(BigDecimal at, PrimaryKey key) {
        entries.remove(new Entry(at, key));
    }

    void clear() {
        entries.clear();
    }

    /**
     * Keys whose expiry lies strictly between {@code after} and {@code before}, in expiry order.
     * Visits those entries, any at exactly {@code after} and the first one at or past {@code
     * before}: never the rest.
     */
    List<PrimaryKey> expired(BigDecimal after, BigDecimal before) {
        List<PrimaryKey> keys = new ArrayList<>();
        for (Entry e : entries.tailSet(new Entry(after, null), false)) {
            visited.incrementAndGet();
            if (e.at.compareTo(before) >= 0) {
                break;
            }
            if (e.at.compareTo(after) > 0) {
                keys.add(e.key);
            }
        }
        return keys;
    }

    long visited() {
        return visited.get();
    }
}
