package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A table's items and secondary indexes. Mutations happen under the write lock; reads take the read
 * lock so that they never observe half of a transaction.
 */
public final class Table {
    private static final long FIVE_YEARS_SECONDS = 5L * 366 * 24 * 3600;

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile TableMeta meta;
    final Partitions items = new Partitions();
    final Map<String, Partitions> indexes = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** The items by expiry, so a TTL sweep visits only expired ones (guarded by {@link #lock}). */
    private final ExpiryIndex expiries = new ExpiryIndex();

    /** The TTL attribute {@link #expiries} is kept for; null (and the index empty) without TTL. */
    private String indexedTtl;

    Table(TableMeta meta) {
        this.meta = meta;
        this.indexedTtl = meta.ttlAttribute();
        for (IndexDef i : meta.indexes()) {
            indexes.put(i.name(), new Partitions());
        }
    }

    public TableMeta meta() {
        return meta;
    }

    /** Replaces the definition. Caller holds the write lock. */
    void meta(TableMeta newMeta) {
        this.meta = newMeta;
        reindexExpiries();
    }

    /**
     * Rebuilds the expiry index when TTL was enabled, disabled or moved to another attribute: one
     * pass over the items then, instead of one per sweep.
     */
    private void reindexExpiries() {
        String attr = meta.ttlAttribute();
        if (Objects.equals(attr, indexedTtl)) {
            return;
        }
        expiries.clear();
        indexedTtl = attr;
        if (attr != null) {
            forEachItem((key, item) -> indexExpiry(item, key));
        }
    }

    private void indexExpiry(Map<String, Value> item, PrimaryKey key) {
        BigDecimal at = ExpiryIndex.expiryOf(item, indexedTtl);
        if (at != null) {
            expiries.add(at, key);
        }
    }

    private void unindexExpiry(Map<String, Value> item, PrimaryKey key) {
        BigDecimal at = ExpiryIndex.expiryOf(item, indexedTtl);
        if (at != null) {
            expiries.remove(at, key);
        }
    }

    long itemCount() {
        return count.get();
    }

    long sizeBytes() {
        return bytes.get();
    }

    PrimaryKey keyOf(Map<String, Value> item) {
        KeyDef k = meta.key();
        return new PrimaryKey(
                item.get(k.hashName()), k.hasRange() ? item.get(k.rangeName()) : null);
    }

    /**
     * Current item for a key, or null. An item past its TTL is still current until the sweep
     * deletes it, as in DynamoDB, where expired items "still show up in reads, queries, and scans".
     */
    Map<String, Value> get(PrimaryKey key) {
        return items.get(key.hash(), Pos.table(key.range()));
    }

    /**
     * Whether the TTL sweep deletes this item at {@code nowSeconds}: its TTL attribute is a Number
     * of epoch seconds in the past, and less than five years old (DynamoDB never deletes older).
     */
    boolean isExpired(Map<String, Value> item, long nowSeconds) {
        String attr = meta.ttlAttribute();
        if (attr == null) {
            return false;
        }
        Value v = item.get(attr);
        if (!(v instanceof Value.N n)) {
            return false;
        }
        BigDecimal expiry = n.v();
        return expiry.compareTo(BigDecimal.valueOf(nowSeconds)) < 0
                && expiry.compareTo(BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS)) > 0;
    }

    /**
     * Inserts or replaces (newItem != null) or deletes (newItem == null) the item at key. Caller
     * holds the write lock.
     */
    void apply(PrimaryKey key, Map<String, Value> newItem) {
        Pos pos = Pos.table(key.range());
        Map<String, Value> old = items.get(key.hash(), pos);
        if (old != null) {
            count.decrementAndGet();
            bytes.addAndGet(-ItemSize.of(old));
            unindex(old, key);
            if (indexedTtl != null) {
                unindexExpiry(old, key);
            }
        }
        if (newItem == null) {
            items.remove(key.hash(), pos);
        } else {
            items.put(key.hash(), pos, newItem);
            count.incrementAndGet();
            bytes.addAndGet(ItemSize.of(newItem));
            index(newItem, key);
            if (indexedTtl != null) {
                indexExpiry(newItem, key);
            }
        }
    }

    private void index(Map<String, Value> item, PrimaryKey key) {
        for (IndexDef def : meta.indexes()) {
            Partitions p = indexes.get(def.name());
            Value h = def.key().hashValue(item);
            Value r = def.key().rangeValue(item);
            if (p != null && h != null && (!def.key().hasRange() || r != null)) {
                p.put(h, indexPos(def, item, key), item);
            }
        }
    }

    private void unindex(Map<String, Value> item, PrimaryKey key) {
        for (IndexDef def : meta.indexes()) {
            Partitions p = indexes.get(def.name());
            Value h = def.key().hashValue(item);
            if (p != null && h != null) {
                p.remove(h, indexPos(def, item, key));
            }
        }
    }

    static Pos indexPos(IndexDef def, Map<String, Value> item, PrimaryKey key) {
        Value r = def.key().rangeValue(item);
        return new Pos(
                r == null ? Pos.NONE : r, key.hash(), key.range() == null ? Pos.NONE : key.range());
    }

    /**
     * Replaces the table definition and rebuilds index structures for added indexes. Caller holds
     * the write lock.
     */
    void redefine(TableMeta newMeta) {
        List<String> names = new ArrayList<>();
        newMeta.indexes().forEach(i -> names.add(i.name()));
        indexes.keySet().retainAll(names);
        this.meta = newMeta;
        for (IndexDef def : newMeta.indexes()) {
            if (!indexes.containsKey(def.name())) {
                Partitions p = new Partitions();
                indexes.put(def.name(), p);
                forEachItem(
                        (key, item) -> {
                            Value h = def.key().hashValue(item);
                            Value r = def.key().rangeValue(item);
                            if (h != null && (!def.key().hasRange() || r != null)) {
                                p.put(h, indexPos(def, item, key), item);
                            }
                        });
            }
        }
        reindexExpiries();
    }

    interface ItemVisitor {
        void visit(PrimaryKey key, Map<String, Value> item);
    }

    void forEachItem(ItemVisitor visitor) {
        for (ConcurrentSkipListMap<Pos, Map<String, Value>> part : items.data.values()) {
            for (Map<String, Value> item : part.values()) {
                visitor.visit(keyOf(item), item);
            }
        }
    }

    /**
     * Keys of the items that are expired at {@code nowSeconds} (see {@link #isExpired}), found
     * through the expiry index: the sweep visits these and no unexpired item. Caller holds the read
     * or the write lock.
     */
    List<PrimaryKey> expiredKeys(long nowSeconds) {
        if (indexedTtl == null) {
            return List.of();
        }
        return expiries.expired(
                BigDecimal.valueOf(nowSeconds - FIVE_YEARS_SECONDS),
                BigDecimal.valueOf(nowSeconds));
    }

    /** Expiry-index entries the sweeps of this table have visited (a test hook). */
    long expiryVisits() {
        return expiries.visited();
    }

    long indexItemCount(String indexName) {
        Partitions p = indexes.get(indexName);
        long n = 0;
        if (p != null) {
            for (ConcurrentSkipListMap<Pos, Map<String, Value>> part : p.data.values()) {
                n += part.size();
            }
        }
        return n;
    }

    long indexSizeBytes(String indexName) {
        Partitions p = indexes.get(indexName);
        long n = 0;
        if (p != null) {
            for (ConcurrentSkipListMap<Pos, Map<String, Value>> part : p.data.values()) {
                for (Map<String, Value> item : part.values()) {
                    n += ItemSize.of(item);
                }
            }
        }
        return n;
    }

    static Map<String, Value> copy(Map<String, Value> item) {
        return dev.dynamorm.local.internal.value.StoredItem.of(item);
    }
}
