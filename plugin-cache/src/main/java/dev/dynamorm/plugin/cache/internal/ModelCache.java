package dev.dynamorm.plugin.cache.internal;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One model's cache, with per-stripe write versions that keep a get which raced with a write from
 * caching the item it read before that write. A get records its stripe's version before it is sent
 * ({@link #stamp}) and fills the cache only if no write of the stripe started or ended since and
 * none is in flight ({@link #fill}); a write bumps the version and invalidates the key when it
 * starts and again when it ends. Both sides hold the stripe's lock, so a fill and the end of a
 * write are ordered: either the write's invalidation removes the filled item, or the fill sees the
 * new version and does nothing.
 */
final class ModelCache {

    private static final int STRIPES = 64;

    private final String name;
    private final Cache<Map<String, AttributeValue>, Map<String, AttributeValue>> cache;
    private final long[] versions = new long[STRIPES];
    private final int[] inFlight = new int[STRIPES];
    private final Object[] locks = new Object[STRIPES];

    ModelCache(String name, Cache<Map<String, AttributeValue>, Map<String, AttributeValue>> cache) {
        this.name = name;
        this.cache = cache;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    String name() {
        return name;
    }

    Cache<Map<String, AttributeValue>, Map<String, AttributeValue>> cache() {
        return cache;
    }

    private static int stripe(Map<String, AttributeValue> key) {
        return Math.floorMod(key.hashCode() * 0x9E3779B9, STRIPES);
    }

    /** The version a get must still see when it fills, or -1 when a write is in flight. */
    long stamp(Map<String, AttributeValue> key) {
        int s = stripe(key);
        synchronized (locks[s]) {
            return inFlight[s] > 0 ? -1 : versions[s];
        }
    }

    void fill(Map<String, AttributeValue> key, Map<String, AttributeValue> item, long stamp) {
        if (stamp < 0) {
            return;
        }
        int s = stripe(key);
        synchronized (locks[s]) {
            if (inFlight[s] == 0 && versions[s] == stamp) {
                cache.put(Map.copyOf(key), Map.copyOf(item));
            }
        }
    }

    void writeStarted(Map<String, AttributeValue> key) {
        int s = stripe(key);
        synchronized (locks[s]) {
            inFlight[s]++;
            versions[s]++;
            cache.invalidate(key);
        }
    }

    void writeEnded(Map<String, AttributeValue> key) {
        int s = stripe(key);
        synchronized (locks[s]) {
            inFlight[s]--;
            versions[s]++;
            cache.invalidate(key);
        }
    }
}
