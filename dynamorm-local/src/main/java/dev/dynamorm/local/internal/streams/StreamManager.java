package dev.dynamorm.local.internal.streams;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.wire.Request;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The streams of one engine: table hooks (create, update, delete, describe, committed changes) and
 * the Streams API. Thread-safe: stream state is guarded by this manager's lock, and {@link #commit}
 * runs under the tables' write locks so that a table's records are in commit order.
 */
public final class StreamManager {
    /** The X-Amz-Target prefix of the Streams API. */
    public static final String TARGET_PREFIX = "DynamoDBStreams_20120810.";

    static final Set<String> VIEW_TYPES =
            Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");

    final String region;
    private volatile StreamSettings settings = StreamSettings.defaults();
    private final AtomicLong sequences = new AtomicLong();

    /** Every stream still within retention, by ARN. */
    final ConcurrentSkipListMap<String, Stream> streams = new ConcurrentSkipListMap<>();

    /** The latest stream of each existing table (enabled or not). */
    private final Map<String, Stream> latest = new ConcurrentHashMap<>();

    private final StreamsApi api = new StreamsApi(this);

    /** Where changes of stream shape are journaled; nowhere until a data directory is opened. */
    private volatile Consumer<Map<String, Object>> journal = NoJournal.INSTANCE;

    /**
     * Creates the streams of an engine.
     *
     * @param region region used in ARNs and records
     */
    public StreamManager(String region) {
        this.region = region;
    }

    /**
     * Replaces the settings (for streams created afterwards).
     *
     * @param newSettings the settings
     */
    public void settings(StreamSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "settings");
    }

    StreamSettings settings() {
        return settings;
    }

    long now() {
        return settings.clock().getAsLong();
    }

    /**
     * A request's StreamSpecification.
     *
     * @param enabled StreamEnabled
     * @param viewType StreamViewType, or null
     */
    public record Spec(boolean enabled, String viewType) {}

    /**
     * Reads and validates the StreamSpecification of a CreateTable or UpdateTable request.
     *
     * @param r the request
     * @return the specification, or null when the request has none
     */
    public static Spec spec(Request r) {
        Request s = r.object("StreamSpecification");
        if (s == null) {
            return null;
        }
        if (!s.has("StreamEnabled")) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'streamSpecification.streamEnabled'"
                            + " failed to satisfy constraint: Member must not be null");
        }
        String view = s.string("StreamViewType");
        if (view != null && !VIEW_TYPES.contains(view)) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + view
                            + "' at 'streamSpecification.streamViewType' failed to satisfy"
                            + " constraint: Member must satisfy enum value set: [NEW_IMAGE,"
                            + " OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
        boolean enabled = s.bool("StreamEnabled");
        if (enabled && view == null) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: StreamViewType must be specified"
                            + " when StreamEnabled is true");
        }
        if (!enabled && view != null) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: StreamViewType must not be"
                            + " specified when StreamEnabled is false");
        }
        return new Spec(enabled, view);
    }

    /**
     * Checks an UpdateTable stream change before anything is applied.
     *
     * @param table table name
     * @param spec the requested specification
     */
    public void checkUpdate(String table, Spec spec) {
        Stream current = latest.get(table);
        boolean on = current != null && current.enabled();
        if (spec.enabled() && on) {
            throw DynamoException.validation(
                    "Table already has an enabled stream: TableName: " + table);
        }
        if (!spec.enabled() && !on) {
            throw DynamoException.validation("Table has no stream to disable: TableName: " + table);
        }
    }

    /**
     * Applies a table's stream specification (after CreateTable or a checked UpdateTable).
     *
     * @param table table name
     * @param tableArn the table's ARN
     * @param keySchema the table's KeySchema as rendered in descriptions
     * @param spec the specification
     */
    public void apply(String table, String tableArn, List<Object> keySchema, Spec spec) {
        apply(table, tableArn, keySchema, spec, this::journalEntry);
    }

    /**
     * Applies a table's stream specification, handing the record of a stream it creates or disables
     * to {@code creation} instead of the journal, so that the caller persists it with the table's
     * definition (later changes of the stream go to the journal).
     *
     * @param table table name
     * @param tableArn the table's ARN
     * @param keySchema the table's KeySchema as rendered in descriptions
     * @param spec the specification
     * @param creation persists the creation (or disabling) record; throws if it cannot, and nothing
     *     is created (or disabled)
     */
    public synchronized void apply(
            String table,
            String tableArn,
            List<Object> keySchema,
            Spec spec,
            Consumer<Map<String, Object>> creation) {
        long now = now();
        if (!spec.enabled()) {
            Stream current = latest.get(table);
            if (current != null) {
                current.disable(now, false, creation);
            }
            return;
        }
        String label = Label.FORMAT.format(Instant.ofEpochMilli(now));
        String arn = tableArn + "/stream/" + label;
        while (streams.containsKey(arn)) {
            now++;
            label = Label.FORMAT.format(Instant.ofEpochMilli(now));
            arn = tableArn + "/stream/" + label;
        }
        Stream s =
                Stream.create(
                        arn,
                        label,
                        table,
                        spec.viewType(),
                        keySchema,
                        now,
                        settings,
                        sequences,
                        new Consumer<Map<String, Object>>() {
                            private boolean created;

                            @Override
                            public void accept(Map<String, Object> r) {
                                if (created) {
                                    journalEntry(r);
                                } else {
                                    creation.accept(r);
                                    created = true;
                                }
                            }
                        });
        streams.put(arn, s);
        latest.put(table, s);
    }

    /**
     * Disables the stream of a deleted table; it stays readable for the retention period.
     *
     * @param table table name
     */
    public synchronized void dropped(String table) {
        Stream s = latest.get(table);
        if (s != null) {
            s.disable(now(), true);
            latest.remove(table);
        }
    }

    /**
     * Adds StreamSpecification, LatestStreamArn and LatestStreamLabel to a table description.
     *
     * @param table table name
     * @param description the description being built
     */
    public void describe(String table, Map<String, Object> description) {
        Stream s = latest.get(table);
        if (s == null) {
            return;
        }
        if (s.enabled()) {
            description.put(
                    "StreamSpecification",
                    Map.of("StreamEnabled", true, "StreamViewType", s.viewType));
        }
        description.put("LatestStreamLabel", s.label);
        description.put("LatestStreamArn", s.arn);
    }

    /**
     * Whether writes to the table are recorded; lets the commit path skip work.
     *
     * @param table table name
     * @return true when the table's stream is enabled
     */
    public boolean recording(String table) {
        Stream s = latest.get(table);
        return s != null && s.enabled();
    }

    /**
     * Starts collecting the stream records of one commit.
     *
     * @return an empty batch
     */
    public StreamBatch batch() {
        return new StreamBatch();
    }

    /**
     * Commits changes with their stream records: numbers the records, hands them to {@code journal}
     * (with the items, so both are durable or neither), runs {@code apply} and then publishes the
     * records. Runs under this manager's lock when there are records, so a stream's records are in
     * commit order and no shard rolls over in between.
     *
     * @param batch the records of the commit
     * @param journal persists the commit's items with the records' JSON trees (may be empty)
     * @param apply makes the items visible
     */
    public void commit(StreamBatch batch, Consumer<List<Object>> journal, Runnable apply) {
        if (batch.isEmpty()) {
            journal.accept(List.of());
            apply.run();
            return;
        }
        synchronized (this) {
            long now = now();
            Set<Stream> maintained = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Stream> into = new ArrayList<>();
            List<ChangeRecord> placed = new ArrayList<>();
            List<Object> trees = new ArrayList<>();
            for (StreamBatch.Entry e : batch.entries) {
                Stream s = latest.get(e.table());
                if (s == null) {
                    continue;
                }
                if (maintained.add(s)) {
                    s.maintain(now);
                }
                ChangeRecord c = s.place(e.draft(), now);
                if (c != null) {
                    into.add(s);
                    placed.add(c);
                    trees.add(StreamCodec.record(s.arn, s.openShardId(), c));
                }
            }
            journal.accept(trees);
            apply.run();
            for (int i = 0; i < placed.size(); i++) {
                into.get(i).publish(placed.get(i));
            }
        }
    }

    /**
     * Sets where changes of stream shape (created, shard rolled over, disabled) are journaled; the
     * write-ahead log sets itself once it has replayed the data directory.
     *
     * @param sink receives {@code "t":"stream"} records; throws if they cannot be persisted
     */
    public void journal(Consumer<Map<String, Object>> sink) {
        this.journal = Objects.requireNonNull(sink, "sink");
    }

    private void journalEntry(Map<String, Object> r) {
        journal.accept(r);
    }

    /**
     * Replays one record of the data directory: a {@code "t":"stream"} record of the log or
     * snapshot, or an entry of an items record's {@code "streams"} list.
     *
     * @param r the record
     * @throws IllegalArgumentException if the record does not fit the streams restored so far
     */
    public synchronized void restore(Map<String, Object> r) {
        Object op = r.getOrDefault("op", "record");
        if ("create".equals(op) || "state".equals(op)) {
            Stream s = Stream.restore(r, settings, sequences, this::journalEntry);
            if (streams.putIfAbsent(s.arn, s) != null) {
                throw new IllegalArgumentException("a second definition of stream " + s.arn);
            }
            if ("create".equals(op) || Boolean.TRUE.equals(r.get("latest"))) {
                latest.put(s.tableName, s);
            }
            return;
        }
        String arn = (String) r.get("arn");
        Stream s = arn == null ? null : streams.get(arn);
        if (s == null) {
            throw new IllegalArgumentException(
                    "an entry of stream " + arn + ", which no earlier record defines");
        }
        s.replay(String.valueOf(op), r);
        if ("disable".equals(op) && Boolean.TRUE.equals(r.get("dropped"))) {
            latest.remove(s.tableName, s);
        }
    }

    /**
     * Ends restoring: the stream of a table the log dropped is disabled as {@link #dropped} does,
     * also when a crash came between the table's drop and its stream's.
     *
     * @param tables the names of the tables that exist after replay
     */
    public synchronized void restored(Set<String> tables) {
        for (String table : List.copyOf(latest.keySet())) {
            if (!tables.contains(table)) {
                dropped(table);
            }
        }
    }

    /**
     * Writes every stream still within retention, with its shards and records, as records that
     * {@link #restore} replays.
     *
     * @param out receives the records
     */
    public synchronized void snapshot(Consumer<Map<String, Object>> out) {
        long now = now();
        for (Stream s : streams.values()) {
            if (!s.expired(now)) {
                s.snapshot(latest.get(s.tableName) == s, out);
            }
        }
    }

    /**
     * Answers a Streams API call.
     *
     * @param operation the operation name after {@link #TARGET_PREFIX}
     * @param r the request
     * @return the answer
     */
    public synchronized Map<String, Object> handle(String operation, Request r) {
        long now = now();
        streams.values().removeIf(s -> s.expired(now));
        return api.handle(operation, r, now);
    }

    static String sequence(long n) {
        return "1" + String.format("%020d", n);
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis / 1000);
    }

    /**
     * The stream label format, in a holder so that java.time's formatting classes load with the
     * first stream rather than at every server start.
     */
    private static final class Label {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

        private Label() {}
    }

    /** Journals nothing; a class, not a lambda, to keep invokedynamic off a server's start path. */
    private enum NoJournal implements Consumer<Map<String, Object>> {
        INSTANCE;

        @Override
        public void accept(Map<String, Object> record) {}
    }
}
