package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.Value;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 32-bit vectors of stored list attributes, decoded once per stored value: stored values are
 * immutable, so a value's identity is a valid key, and an entry goes when its value is collected.
 * Decoding numbers is what a brute-force search would otherwise spend its time on.
 */
final class VectorCache {
    private static final float[] NOT_A_VECTOR = new float[0];

    private final ReferenceQueue<Value> collected = new ReferenceQueue<>();
    private final Map<Key, float[]> vectors = new ConcurrentHashMap<>();

    /** A weak, identity-based key. */
    private static final class Key extends WeakReference<Value> {
        private final int hash;

        Key(Value v, ReferenceQueue<Value> queue) {
            super(v, queue);
            this.hash = System.identityHashCode(v);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key k)) {
                return false;
            }
            Value mine = get();
            return mine != null && mine == k.get();
        }
    }

    /**
     * The vector held by {@code v}, or null when it is not a list of {@code dimensions} numbers.
     */
    float[] vectorOf(Value v, int dimensions) {
        if (!(v instanceof Value.L list) || list.v().size() != dimensions) {
            return null;
        }
        expunge();
        float[] found = vectors.get(new Key(v, null));
        if (found == null) {
            found = decode(list.v());
            vectors.put(new Key(v, collected), found);
        }
        return found == NOT_A_VECTOR ? null : found;
    }

    private static float[] decode(List<Value> elements) {
        float[] out = new float[elements.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(elements.get(i) instanceof Value.N n)) {
                return NOT_A_VECTOR;
            }
            out[i] = n.v().floatValue();
        }
        return out;
    }

    private void expunge() {
        for (Reference<? extends Value> r; (r = collected.poll()) != null; ) {
            vectors.remove(r);
        }
    }
}
