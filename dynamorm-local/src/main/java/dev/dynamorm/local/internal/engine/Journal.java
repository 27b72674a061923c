package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.Value;
import java.util.List;
import java.util.Map;

/**
 * Receives every committed change before it becomes visible; implemented by the write-ahead log.
 */
public interface Journal extends AutoCloseable {
    /** One item write: {@code item} null means delete of {@code key}. */
    record ItemChange(String table, Map<String, Value> key, Map<String, Value> item) {}

    void tableDefined(TableMeta meta);

    void tableDropped(String name);

    /** Persists a group of item changes atomically. */
    void items(List<ItemChange> changes);

    @Override
    void close();

    Journal NONE =
            new Journal() {
                @Override
                public void tableDefined(TableMeta meta) {}

                @Override
                public void tableDropped(String name) {}

                @Override
                public void items(List<ItemChange> changes) {}

                @Override
                public void close() {}
            };
}
