package dev.dynamorm.local.internal.value;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable item as the engine stores it, with its DynamoDB size computed once: page limits,
 * capacity figures and table sizes read it on every access.
 */
public final class StoredItem extends AbstractMap<String, Value> {
    private final Map<String, Value> attributes;
    private final long bytes;

    private StoredItem(Map<String, Value> attributes) {
        this.attributes = attributes;
        this.bytes = ItemSize.computeOf(attributes);
    }

    /** Returns an immutable copy of the item (the item itself if it already is one). */
    public static StoredItem of(Map<String, Value> item) {
        return item instanceof StoredItem s
                ? s
                : new StoredItem(Collections.unmodifiableMap(new LinkedHashMap<>(item)));
    }

    /** The item's size in bytes by DynamoDB's rules. */
    public long bytes() {
        return bytes;
    }

    @Override
    public int size() {
        return attributes.size();
    }

    @Override
    public Value get(Object key) {
        return attributes.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return attributes.containsKey(key);
    }

    @Override
    public Set<Entry<String, Value>> entrySet() {
        return attributes.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return attributes.keySet();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        attributes.forEach(action);
    }
}
