package dev.dynamorm.local.internal.streams;

import java.util.ArrayList;
import java.util.List;

/** A shard of a stream: records in sequence order; closed once it has an ending sequence. */
final class Shard {
    final String id;
    final String parentId;
    final long createdMillis;
    final long startSequence;
    final List<ChangeRecord> records = new ArrayList<>();

    /** Last sequence number the shard may hold once closed; -1 while open. */
    long endSequence = -1;

    long closedMillis;

    /** Highest sequence number trimmed from this shard; -1 if none. */
    long trimmedThrough = -1;

    Shard(String id, String parentId, long createdMillis, long startSequence) {
        this.id = id;
        this.parentId = parentId;
        this.createdMillis = createdMillis;
        this.startSequence = startSequence;
    }

    boolean open() {
        return endSequence < 0;
    }

    /** Index of the first record with sequence at or after {@code sequence}. */
    int indexAtOrAfter(long sequence) {
        int lo = 0;
        int hi = records.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (records.get(mid).sequence() < sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
