package dev.dynamorm.local.internal.streams;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How long stream records are kept, how often a stream's open shard is closed and replaced by a
 * child, how long a shard iterator stays valid, and the clock in epoch milliseconds.
 *
 * @param retention how long records (and closed shards) are kept; DynamoDB keeps 24 hours
 * @param shardPeriod age at which the open shard is closed and a child shard opened
 * @param iteratorLifetime how long a shard iterator may be used; DynamoDB allows 15 minutes
 * @param clock current time in epoch milliseconds
 */
public record StreamSettings(
        Duration retention, Duration shardPeriod, Duration iteratorLifetime, LongSupplier clock) {
    /** Validates the settings. */
    public StreamSettings {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(shardPeriod, "shardPeriod");
        Objects.requireNonNull(iteratorLifetime, "iteratorLifetime");
        Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        if (shardPeriod.isNegative() || shardPeriod.isZero()) {
            throw new IllegalArgumentException("shardPeriod must be positive: " + shardPeriod);
        }
    }

    /**
     * DynamoDB's values: 24 hours of records, shards rolled every 4 hours, iterators valid for 15
     * minutes, the system clock.
     *
     * @return the defaults
     */
    public static StreamSettings defaults() {
        return new StreamSettings(
                Duration.ofHours(24),
                Duration.ofHours(4),
                Duration.ofMinutes(15),
                SystemClock.INSTANCE);
    }

    /**
     * Returns these settings with another shard period.
     *
     * @param period the new period
     * @return new settings
     */
    public StreamSettings withShardPeriod(Duration period) {
        return new StreamSettings(retention, period, iteratorLifetime, clock);
    }

    /**
     * Returns these settings with another retention.
     *
     * @param period the new retention
     * @return new settings
     */
    public StreamSettings withRetention(Duration period) {
        return new StreamSettings(period, shardPeriod, iteratorLifetime, clock);
    }

    /**
     * Returns these settings with another clock.
     *
     * @param newClock epoch milliseconds
     * @return new settings
     */
    public StreamSettings withClock(LongSupplier newClock) {
        return new StreamSettings(retention, shardPeriod, iteratorLifetime, newClock);
    }

    /**
     * The system clock as a class rather than a method reference: no invokedynamic on a fresh
     * server's start path (see LocalDynamoDb's constructor).
     */
    private enum SystemClock implements LongSupplier {
        INSTANCE;

        @Override
        public long getAsLong() {
            return System.currentTimeMillis();
        }
    }
}
