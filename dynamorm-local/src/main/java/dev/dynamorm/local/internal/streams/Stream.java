package dev.dynamorm.local.internal.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One table stream: its shards, the open one last. All methods are synchronized; {@link
 * #maintain(long)} rolls the open shard over and trims records past the retention period.
 */
final class Stream {
    final String arn;
    final String label;
    final String tableName;
    final String viewType;
    final List<Object> keySchema;
    final long createdMillis;
    private final StreamSettings settings;
    private final AtomicLong sequences;
    private final List<Shard> shards = new ArrayList<>();
    private boolean enabled = true;
    private long disabledMillis;

    Stream(
            String arn,
            String label,
            String tableName,
            String viewType,
            List<Object> keySchema,
            long createdMillis,
            StreamSettings settings,
            AtomicLong sequences) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.viewType = viewType;
        this.keySchema = keySchema;
        this.createdMillis = createdMillis;
        this.settings = settings;
        this.sequences = sequences;
        shards.add(newShard(null, createdMillis));
    }

    private Shard newShard(String parent, long now) {
        String id =
                String.format(
                        "shardId-%020d-%08x",
                        now, ThreadLocalRandom.current().nextInt() & 0xffffffffL);
        return new Shard(id, parent, now, sequences.incrementAndGet());
    }

    synchronized boolean enabled() {
        return enabled;
    }

    synchronized String status() {
        return enabled ? "ENABLED" : "DISABLED";
    }

    synchronized void append(ChangeRecord.Draft draft) {
        long now = settings.clock().getAsLong();
        maintain(now);
        if (!enabled) {
            return;
        }
        Shard open = shards.get(shards.size() - 1);
        open.records.add(draft.at(sequences.incrementAndGet(), now));
    }

    /** Closes the open shard; no records are added afterwards. */
    synchronized void disable(long now) {
        maintain(now);
        if (enabled) {
            close(shards.get(shards.size() - 1), now);
            enabled = false;
            disabledMillis = now;
        }
    }

    /** Whether the stream is disabled and past retention, so it can be forgotten. */
    synchronized boolean expired(long now) {
        return !enabled && disabledMillis <= now - settings.retention().toMillis();
    }

    private static void close(Shard s, long now) {
        s.endSequence =
                s.records.isEmpty()
                        ? s.startSequence
                        : s.records.get(s.records.size() - 1).sequence();
        s.closedMillis = now;
    }

    /** Rolls the open shard over when it is older than the shard period; trims old records. */
    synchronized void maintain(long now) {
        if (enabled) {
            Shard open = shards.get(shards.size() - 1);
            long period = settings.shardPeriod().toMillis();
            if (now - open.createdMillis >= period) {
                close(open, now);
                shards.add(newShard(open.id, now));
            }
        }
        long horizon = now - settings.retention().toMillis();
        for (Shard s : shards) {
            int cut = 0;
            while (cut < s.records.size() && s.records.get(cut).createdMillis() <= horizon) {
                cut++;
            }
            if (cut > 0) {
                s.trimmedThrough = s.records.get(cut - 1).sequence();
                s.records.subList(0, cut).clear();
            }
        }
        shards.removeIf(s -> !s.open() && s.records.isEmpty() && s.closedMillis <= horizon);
    }

    synchronized List<Shard> shards(long now) {
        maintain(now);
        return List.copyOf(shards);
    }

    synchronized Shard shard(String id, long now) {
        maintain(now);
        for (Shard s : shards) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** The records of a shard from sequence {@code from} on, at most {@code limit}. */
    synchronized List<ChangeRecord> read(Shard s, long from, int limit) {
        int i = s.indexAtOrAfter(from);
        int end = Math.min(s.records.size(), i + limit);
        return List.copyOf(s.records.subList(i, end));
    }

    /** The sequence number the next record will get (or beyond it). */
    long nextSequence() {
        return sequences.get() + 1;
    }
}
