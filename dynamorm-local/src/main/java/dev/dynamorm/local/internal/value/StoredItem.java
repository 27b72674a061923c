package dev.dynamorm.local.internal.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable item as the engine stores it, with its DynamoDB size computed once: page limits,
 * capacity figures and table sizes read it on every access.
 *
 * <p>Names and values sit in one array (name, value, name, value, ...) in the item's order instead
 * of a hash map: a stored item costs one small array rather than a table and an entry object per
 * attribute, which is most of the per-item overhead once a table holds many items. Items have few
 * attributes, so a linear lookup is as fast as hashing.
 */
public final class StoredItem extends AbstractMap<String, Value> {
    private final Object[] slots;
    private final long bytes;

    private StoredItem(Object[] slots, long bytes) {
        this.slots = slots;
        this.bytes = bytes;
    }

    /** Returns an immutable copy of the item (the item itself if it already is one). */
    public static StoredItem of(Map<String, Value> item) {
        if (item instanceof StoredItem s) {
            return s;
        }
        Object[] slots = new Object[item.size() * 2];
        int i = 0;
        for (Map.Entry<String, Value> e : item.entrySet()) {
            slots[i++] = e.getKey();
            slots[i++] = e.getValue();
        }
        return new StoredItem(slots, ItemSize.computeOf(item));
    }

    /** The item's size in bytes by DynamoDB's rules. */
    public long bytes() {
        return bytes;
    }

    @Override
    public int size() {
        return slots.length / 2;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] == key) {
                return i;
            }
        }
        if (key != null) {
            for (int i = 0; i < slots.length; i += 2) {
                if (slots[i].equals(key)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public Value get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (Value) slots[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Set<Entry<String, Value>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Value>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < slots.length;
                    }

                    @Override
                    public Entry<String, Value> next() {
                        if (next >= slots.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Value> e =
                                new SimpleImmutableEntry<>(
                                        (String) slots[next], (Value) slots[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return slots.length / 2;
            }
        };
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        for (int i = 0; i < slots.length; i += 2) {
            action.accept((String) slots[i], (Value) slots[i + 1]);
        }
    }
}
