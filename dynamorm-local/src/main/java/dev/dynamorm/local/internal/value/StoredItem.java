package dev.dynamorm.local.internal.value;

import java.io.IOException;
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
 * <p>The item is kept in {@link ItemEncoding}'s compact binary form, one byte array, and decoded on
 * read: a lookup walks the attributes comparing names and skipping values, iteration decodes each
 * value as it comes. A stored item costs its bytes plus one small object, instead of a map and a
 * value, string and array object per attribute, which is most of the heap once a table holds many
 * items. Each read returns fresh (immutable) values.
 */
public final class StoredItem extends AbstractMap<String, Value> {
    private final byte[] encoded;
    private final int size;
    private final long bytes;

    private StoredItem(byte[] encoded, int size, long bytes) {
        this.encoded = encoded;
        this.size = size;
        this.bytes = bytes;
    }

    /** Returns an immutable copy of the item (the item itself if it already is one). */
    public static StoredItem of(Map<String, Value> item) {
        if (item instanceof StoredItem s) {
            return s;
        }
        return new StoredItem(ItemEncoding.encode(item), item.size(), ItemSize.computeOf(item));
    }

    /** The item's size in bytes by DynamoDB's rules. */
    public long bytes() {
        return bytes;
    }

    @Override
    public int size() {
        return size;
    }

    /** A reader positioned just past the name {@code key}, or null when the item lacks it. */
    private ItemEncoding.In find(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        ItemEncoding.In in = new ItemEncoding.In(encoded, 0);
        while (in.at < encoded.length) {
            if (in.nameEquals(name)) {
                return in;
            }
            in.skipValue();
        }
        return null;
    }

    @Override
    public Value get(Object key) {
        ItemEncoding.In in = find(key);
        return in == null ? null : in.attributeValue();
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) != null;
    }

    @Override
    public Set<Entry<String, Value>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Value>> iterator() {
                return new Iterator<>() {
                    private final ItemEncoding.In in = new ItemEncoding.In(encoded, 0);

                    @Override
                    public boolean hasNext() {
                        return in.at < encoded.length;
                    }

                    @Override
                    public Entry<String, Value> next() {
                        if (in.at >= encoded.length) {
                            throw new NoSuchElementException();
                        }
                        String name = in.name();
                        return new SimpleImmutableEntry<>(name, in.attributeValue());
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Receives a stored item's attributes in order, for writers that copy bytes straight out. */
    public interface Visitor {
        /** An attribute whose value is decoded. */
        void attribute(String name, Value value) throws IOException;

        /**
         * An attribute whose value is a {@link Value.S#plain() plain} string, given as its ASCII
         * bytes {@code ascii[offset .. offset + length)}; the array must not be modified or kept.
         */
        void plainString(String name, byte[] ascii, int offset, int length) throws IOException;
    }

    /**
     * Visits every attribute in order without decoding plain strings (the bulk of large items).
     *
     * @param visitor receives each attribute
     * @throws IOException if the visitor throws it
     */
    public void visit(Visitor visitor) throws IOException {
        ItemEncoding.In in = new ItemEncoding.In(encoded, 0);
        while (in.at < encoded.length) {
            String name = in.name();
            int valueEnd = in.count();
            valueEnd += in.at;
            int[] ascii = in.plainString();
            if (ascii != null) {
                visitor.plainString(name, encoded, ascii[0], ascii[1]);
                in.at = valueEnd;
            } else {
                visitor.attribute(name, in.value());
            }
        }
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Value> action) {
        ItemEncoding.In in = new ItemEncoding.In(encoded, 0);
        while (in.at < encoded.length) {
            String name = in.name();
            action.accept(name, in.attributeValue());
        }
    }
}
