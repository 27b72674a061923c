package dev.dynamorm.local.internal.streams;

import dev.dynamorm.local.internal.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stream records one commit produces, collected before it is journaled; {@link
 * StreamManager#commit} numbers them, journals them with the items and publishes them.
 */
public final class StreamBatch {
    /** A change of one table, not yet numbered. */
    record Entry(String table, ChangeRecord.Draft draft) {}

    final List<Entry> entries = new ArrayList<>();

    StreamBatch() {}

    /**
     * Adds one change; a change that leaves the item as it was records nothing.
     *
     * @param table table name
     * @param keys the item's key attributes
     * @param oldImage the item before, or null
     * @param newImage the item after, or null
     * @param byService whether the service made it (TTL expiry)
     */
    public void add(
            String table,
            Map<String, Value> keys,
            Map<String, Value> oldImage,
            Map<String, Value> newImage,
            boolean byService) {
        if (Objects.equals(oldImage, newImage)) {
            return;
        }
        String event = oldImage == null ? "INSERT" : newImage == null ? "REMOVE" : "MODIFY";
        entries.add(
                new Entry(
                        table, new ChangeRecord.Draft(event, keys, oldImage, newImage, byService)));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
