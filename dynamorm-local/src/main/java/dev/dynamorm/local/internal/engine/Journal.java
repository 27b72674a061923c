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

    /**
     * A transaction's idempotency token, kept for ten minutes so that a retry with it does not
     * apply the transaction twice, also across a restart.
     */
    // the fingerprint is a digest computed once for this token and never mutated
    @SuppressWarnings("ArrayRecordComponent")
    record Token(String token, byte[] fingerprint, long createdMillis) {}

    void tableDefined(TableMeta meta);

    /**
     * Persists a table definition and the stream records made with it (a stream it creates), all in
     * one record.
     */
    default void tableDefined(TableMeta meta, List<Object> streamRecords) {
        tableDefined(meta);
    }

    void tableDropped(String name);

    /** Persists a group of item changes atomically. */
    void items(List<ItemChange> changes);

    /** Persists a group of item changes and the token of the transaction that made them. */
    default void items(List<ItemChange> changes, Token token) {
        items(changes);
    }

    /**
     * Persists a group of item changes, the token of the transaction that made them (or null) and
     * the stream records they produce (JSON trees, possibly none), all in one record.
     */
    default void items(List<ItemChange> changes, Token token, List<Object> streamRecords) {
        if (token == null) {
            items(changes);
        } else {
            items(changes, token);
        }
    }

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
