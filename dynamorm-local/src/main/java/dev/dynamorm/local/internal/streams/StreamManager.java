package dev.dynamorm.local.internal.streams;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.Request;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The streams of one engine: table hooks (create, update, delete, describe, committed changes) and
 * the Streams API. Thread-safe; {@link #record} is called under the table's write lock so that a
 * table's records are in commit order.
 */
public final class StreamManager {
    /** The X-Amz-Target prefix of the Streams API. */
    public static final String TARGET_PREFIX = "DynamoDBStreams_20120810.";

    static final Set<String> VIEW_TYPES =
            Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    final String region;
    private volatile StreamSettings settings = StreamSettings.defaults();
    private final AtomicLong sequences = new AtomicLong();

    /** Every stream still within retention, by ARN. */
    final ConcurrentSkipListMap<String, Stream> streams = new ConcurrentSkipListMap<>();

    /** The latest stream of each existing table (enabled or not). */
    private final Map<String, Stream> latest = new ConcurrentHashMap<>();

    private final StreamsApi api = new StreamsApi(this);

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
        long now = now();
        if (!spec.enabled()) {
            Stream current = latest.get(table);
            if (current != null) {
                current.disable(now);
            }
            return;
        }
        String label = LABEL.format(Instant.ofEpochMilli(now));
        String arn = tableArn + "/stream/" + label;
        while (streams.containsKey(arn)) {
            now++;
            label = LABEL.format(Instant.ofEpochMilli(now));
            arn = tableArn + "/stream/" + label;
        }
        Stream s =
                new Stream(arn, label, table, spec.viewType(), keySchema, now, settings, sequences);
        streams.put(arn, s);
        latest.put(table, s);
    }

    /**
     * Disables the stream of a deleted table; it stays readable for the retention period.
     *
     * @param table table name
     */
    public void dropped(String table) {
        Stream s = latest.remove(table);
        if (s != null) {
            s.disable(now());
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
     * Records one committed change; a change that leaves the item as it was records nothing.
     *
     * @param table table name
     * @param keys the item's key attributes
     * @param oldImage the item before, or null
     * @param newImage the item after, or null
     * @param byService whether the service made it (TTL expiry)
     */
    public void record(
            String table,
            Map<String, Value> keys,
            Map<String, Value> oldImage,
            Map<String, Value> newImage,
            boolean byService) {
        Stream s = latest.get(table);
        if (s == null || Objects.equals(oldImage, newImage)) {
            return;
        }
        String event = oldImage == null ? "INSERT" : newImage == null ? "REMOVE" : "MODIFY";
        s.append(new ChangeRecord.Draft(event, keys, oldImage, newImage, byService));
    }

    /**
     * Answers a Streams API call.
     *
     * @param operation the operation name after {@link #TARGET_PREFIX}
     * @param r the request
     * @return the answer
     */
    public Map<String, Object> handle(String operation, Request r) {
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
}
