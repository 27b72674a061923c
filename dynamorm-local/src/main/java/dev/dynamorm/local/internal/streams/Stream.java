package dev.dynamorm.local.internal.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One table stream: its shards, the open one last. Guarded by the {@link StreamManager}'s lock (the
 * methods are also synchronized, for the readers of {@link #enabled()}). {@link #maintain(long)}
 * rolls the open shard over and trims records past the retention period; every change of shape
 * (creation, roll-over, disabling) is handed to the journal before it is made.
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
    private final Consumer<Map<String, Object>> journal;
    private final List<Shard> shards = new ArrayList<>();
    private boolean enabled = true;
    private long disabledMillis;

    private Stream(
            String arn,
            String label,
            String tableName,
            String viewType,
            List<Object> keySchema,
            long createdMillis,
            StreamSettings settings,
            AtomicLong sequences,
            Consumer<Map<String, Object>> journal) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.viewType = viewType;
        this.keySchema = keySchema;
        this.createdMillis = createdMillis;
        this.settings = settings;
        this.sequences = sequences;
        this.journal = journal;
    }

    /** A new stream with its first shard, journaled before it is returned. */
    static Stream create(
            String arn,
            String label,
            String tableName,
            String viewType,
            List<Object> keySchema,
            long now,
            StreamSettings settings,
            AtomicLong sequences,
            Consumer<Map<String, Object>> journal) {
        Stream s =
                new Stream(
                        arn, label, tableName, viewType, keySchema, now, settings, sequences,
                        journal);
        Shard first = s.newShard(null, now);
        journal.accept(s.describe("create", List.of(first)));
        s.shards.add(first);
        return s;
    }

    /** A stream from a {@code create} or {@code state} record of the log or snapshot. */
    static Stream restore(
            Map<String, Object> r,
            StreamSettings settings,
            AtomicLong sequences,
            Consumer<Map<String, Object>> journal) {
        Stream s =
                new Stream(
                        (String) r.get("arn"),
                        (String) r.get("label"),
                        (String) r.get("table"),
                        (String) r.get("view"),
                        StreamCodec.keySchema(r.get("keySchema")),
                        StreamCodec.number(r, "created"),
                        settings,
                        sequences,
                        journal);
        if (!StreamManager.VIEW_TYPES.contains(s.viewType)) {
            throw new IllegalArgumentException("unknown stream view type " + s.viewType);
        }
        s.enabled = !Boolean.FALSE.equals(r.get("enabled"));
        if (r.get("disabled") != null) {
            s.disabledMillis = StreamCodec.number(r, "disabled");
        }
        for (Object o : (List<?>) r.get("shards")) {
            Shard sh = StreamCodec.shard(o);
            s.shards.add(sh);
            sequences.accumulateAndGet(sh.startSequence, Math::max);
        }
        return s;
    }

    private Map<String, Object> describe(String op, List<Shard> list) {
        Map<String, Object> r = StreamCodec.header(op, arn);
        r.put("label", label);
        r.put("table", tableName);
        r.put("view", viewType);
        r.put("keySchema", keySchema);
        r.put("created", createdMillis);
        r.put("enabled", enabled);
        r.put("disabled", enabled ? null : disabledMillis);
        List<Object> shardTrees = new ArrayList<>();
        list.forEach(sh -> shardTrees.add(StreamCodec.shard(sh)));
        r.put("shards", shardTrees);
        return r;
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

    /**
     * Gives a change its sequence number in the open shard without adding it yet; null when the
     * stream is disabled. The caller ran {@link #maintain(long)} at {@code now} first.
     */
    synchronized ChangeRecord place(ChangeRecord.Draft draft, long now) {
        return enabled ? draft.at(sequences.incrementAndGet(), now) : null;
    }

    /** The id of the shard {@link #place} puts records in. */
    synchronized String openShardId() {
        return shards.get(shards.size() - 1).id;
    }

    /** Adds a placed (and journaled) record to the open shard. */
    synchronized void publish(ChangeRecord c) {
        shards.get(shards.size() - 1).records.add(c);
    }

    /** Closes the open shard; no records are added afterwards. */
    synchronized void disable(long now, boolean dropped) {
        disable(now, dropped, journal);
    }

    /**
     * Disables the stream, handing its {@code disable} record to {@code sink} (which persists it,
     * or throws and nothing is disabled) rather than to the stream's journal.
     */
    synchronized void disable(long now, boolean dropped, Consumer<Map<String, Object>> sink) {
        maintain(now);
        if (enabled) {
            Shard open = shards.get(shards.size() - 1);
            long end = endOf(open);
            Map<String, Object> r = StreamCodec.header("disable", arn);
            r.put("at", now);
            r.put("end", end);
            r.put("dropped", dropped);
            sink.accept(r);
            close(open, end, now);
        }
    }

    private void close(Shard open, long end, long now) {
        open.endSequence = end;
        open.closedMillis = now;
        enabled = false;
        disabledMillis = now;
    }

    /** Whether the stream is disabled and past retention, so it can be forgotten. */
    synchronized boolean expired(long now) {
        return !enabled && disabledMillis <= now - settings.retention().toMillis();
    }

    private static long endOf(Shard s) {
        return s.records.isEmpty()
                ? s.startSequence
                : s.records.get(s.records.size() - 1).sequence();
    }

    /** Rolls the open shard over when it is older than the shard period; trims old records. */
    synchronized void maintain(long now) {
        if (enabled) {
            Shard open = shards.get(shards.size() - 1);
            long period = settings.shardPeriod().toMillis();
            if (now - open.createdMillis >= period) {
                Shard child = newShard(open.id, now);
                long end = endOf(open);
                Map<String, Object> r = StreamCodec.header("roll", arn);
                r.put("at", now);
                r.put("end", end);
                r.put("shard", StreamCodec.shard(child));
                journal.accept(r);
                open.endSequence = end;
                open.closedMillis = now;
                shards.add(child);
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
        return find(id);
    }

    private Shard find(String id) {
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

    // ---- the data directory: replaying journaled changes and writing snapshots

    /** Replays a {@code roll}, {@code disable} or {@code record} entry. */
    synchronized void replay(String op, Map<String, Object> r) {
        Shard open = shards.isEmpty() ? null : shards.get(shards.size() - 1);
        switch (op) {
            case "roll" -> {
                Shard child = StreamCodec.shard(r.get("shard"));
                if (open == null || !open.open() || !open.id.equals(child.parentId)) {
                    throw new IllegalArgumentException(
                            "a shard roll-over of "
                                    + arn
                                    + " that does not continue its open shard");
                }
                open.endSequence = StreamCodec.number(r, "end");
                open.closedMillis = StreamCodec.number(r, "at");
                shards.add(child);
                sequences.accumulateAndGet(child.startSequence, Math::max);
            }
            case "disable" -> {
                if (enabled && open != null) {
                    close(open, StreamCodec.number(r, "end"), StreamCodec.number(r, "at"));
                }
            }
            case "record" -> {
                Shard sh = find((String) r.get("shard"));
                ChangeRecord c = StreamCodec.record(r);
                if (sh == null) {
                    throw new IllegalArgumentException(
                            "a stream record for shard " + r.get("shard") + ", not one of " + arn);
                }
                if (!sh.records.isEmpty()
                        && sh.records.get(sh.records.size() - 1).sequence() >= c.sequence()) {
                    throw new IllegalArgumentException(
                            "a stream record out of sequence order in shard " + sh.id);
                }
                sh.records.add(c);
                sequences.accumulateAndGet(c.sequence(), Math::max);
            }
            default -> throw new IllegalArgumentException("an unknown stream entry " + op);
        }
    }

    /** Writes the whole stream: its description and shards, then every record kept. */
    synchronized void snapshot(boolean latest, Consumer<Map<String, Object>> out) {
        Map<String, Object> state = describe("state", shards);
        state.put("latest", latest);
        out.accept(state);
        for (Shard sh : shards) {
            for (ChangeRecord c : sh.records) {
                Map<String, Object> r = StreamCodec.record(arn, sh.id, c);
                r.put("t", StreamCodec.TYPE);
                r.put("op", "record");
                out.accept(r);
            }
        }
    }
}
