package dev.dynamorm.local.internal.streams;

import dev.dynamorm.local.internal.value.Value;
import java.util.Map;

/**
 * One stream record as kept in a shard; images are kept whole and cut to the view type when read.
 *
 * @param sequence position in the stream (also orders records across shards)
 * @param eventId unique id of the event
 * @param eventName INSERT, MODIFY or REMOVE
 * @param createdMillis when the change was committed
 * @param keys the item's primary key attributes
 * @param oldImage the item before the change, or null
 * @param newImage the item after the change, or null
 * @param byService whether the change was made by the service (TTL expiry)
 */
record ChangeRecord(
        long sequence,
        String eventId,
        String eventName,
        long createdMillis,
        Map<String, Value> keys,
        Map<String, Value> oldImage,
        Map<String, Value> newImage,
        boolean byService) {

    /** A change not yet placed in a shard. */
    record Draft(
            String eventName,
            Map<String, Value> keys,
            Map<String, Value> oldImage,
            Map<String, Value> newImage,
            boolean byService) {
        ChangeRecord at(long sequence, long createdMillis) {
            return new ChangeRecord(
                    sequence,
                    java.util.UUID.randomUUID().toString().replace("-", ""),
                    eventName,
                    createdMillis,
                    keys,
                    oldImage,
                    newImage,
                    byService);
        }
    }
}
