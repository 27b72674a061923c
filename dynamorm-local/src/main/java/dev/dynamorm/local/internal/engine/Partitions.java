package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.Value;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Items grouped by partition (hash-ordered) and ordered by {@link Pos} inside each partition. */
final class Partitions {
    final ConcurrentSkipListMap<PartKey, ConcurrentSkipListMap<Pos, Map<String, Value>>> data =
            new ConcurrentSkipListMap<>(PartKey.ORDER);

    void put(Value hash, Pos pos, Map<String, Value> item) {
        data.computeIfAbsent(PartKey.of(hash), k -> new ConcurrentSkipListMap<>(Pos.ORDER))
                .put(pos, item);
    }

    Map<String, Value> get(Value hash, Pos pos) {
        ConcurrentSkipListMap<Pos, Map<String, Value>> p = data.get(PartKey.of(hash));
        return p == null ? null : p.get(pos);
    }

    void remove(Value hash, Pos pos) {
        PartKey pk = PartKey.of(hash);
        ConcurrentSkipListMap<Pos, Map<String, Value>> p = data.get(pk);
        if (p != null) {
            p.remove(pos);
            if (p.isEmpty()) {
                data.remove(pk);
            }
        }
    }

    void clear() {
        data.clear();
    }
}
