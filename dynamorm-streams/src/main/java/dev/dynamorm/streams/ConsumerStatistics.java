package dev.dynamorm.streams;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Statistic;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * What a consumer publishes through {@link DynamORM#publish}: changes handled, lag, iterator age,
 * shards held and stopped. Thread-safe: shards are processed in parallel.
 */
final class ConsumerStatistics {

    /** Where a shard stands. */
    private record Position(long behindSince, long iteratorAge, boolean caughtUp) {}

    private final Clock clock;
    private final LongAdder handled = new LongAdder();
    private final Map<String, Position> positions = new ConcurrentHashMap<>();

    ConsumerStatistics(Clock clock) {
        this.clock = clock;
    }

    /** Publishes the statistics, tagged with the model, group and worker. */
    void publish(DynamORM db, Map<String, String> tags, IntSupplier held, IntSupplier stopped) {
        db.publish(
                Statistic.counter(
                        "dynamorm.stream.records",
                        "change records read from the stream and handled (or skipped as another"
                                + " family member's) before their batch was checkpointed",
                        tags,
                        handled::sum));
        db.publish(
                Statistic.gauge(
                        "dynamorm.stream.lag",
                        "milliseconds since the creation of the oldest change not yet handled, the"
                                + " largest over held shards; 0 when every held shard is caught up",
                        tags,
                        () -> lag()));
        db.publish(
                Statistic.gauge(
                        "dynamorm.stream.iterator.age",
                        "milliseconds between reading a shard's last batch and the creation of its"
                                + " newest record, the largest over held shards; 0 for a shard"
                                + " whose last read returned nothing",
                        tags,
                        () -> iteratorAge()));
        db.publish(
                Statistic.gauge(
                        "dynamorm.stream.shards",
                        "shards this consumer holds the lease of",
                        tags,
                        held::getAsInt));
        db.publish(
                Statistic.gauge(
                        "dynamorm.stream.shards.stopped",
                        "shards this consumer stopped: the handler kept failing or a record could"
                                + " not be decoded",
                        tags,
                        stopped::getAsInt));
    }

    /** A read of {@code shard} returned {@code records} (none: the shard is caught up). */
    void read(String shard, List<Record> records) {
        if (records.isEmpty()) {
            positions.put(shard, new Position(0, 0, true));
            return;
        }
        long now = clock.millis();
        long oldest = created(records.get(0), now);
        long newest = created(records.get(records.size() - 1), now);
        positions.put(shard, new Position(oldest, Math.max(0, now - newest), false));
    }

    /** The batch of {@code shard} just read was handled and checkpointed. */
    void handled(String shard, List<Record> records) {
        handled.add(records.size());
        Position p = positions.get(shard);
        if (p != null && !records.isEmpty()) {
            long newest = created(records.get(records.size() - 1), clock.millis());
            positions.put(shard, new Position(newest, p.iteratorAge(), false));
        }
    }

    /** The consumer no longer reads {@code shard}: finished, lost or stopped. */
    void forget(String shard) {
        positions.remove(shard);
    }

    /** Milliseconds since the oldest change not known to be handled was created. */
    long lag() {
        long now = clock.millis();
        long lag = 0;
        for (Position p : positions.values()) {
            if (!p.caughtUp()) {
                lag = Math.max(lag, now - p.behindSince());
            }
        }
        return Math.max(0, lag);
    }

    /** The iterator age of the shard's last read. */
    long iteratorAge(String shard) {
        Position p = positions.get(shard);
        return p == null ? 0 : p.iteratorAge();
    }

    /** The largest iterator age of the held shards' last reads. */
    long iteratorAge() {
        long age = 0;
        for (Position p : positions.values()) {
            age = Math.max(age, p.iteratorAge());
        }
        return age;
    }

    /** The record's approximate creation time (whole seconds on DynamoDB), else {@code now}. */
    private static long created(Record r, long now) {
        Instant at = r.dynamodb() == null ? null : r.dynamodb().approximateCreationDateTime();
        return at == null ? now : at.toEpochMilli();
    }
}
