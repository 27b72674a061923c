package dev.dynamorm;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link BatchWriter}: when it flushes, how much it buffers, how many requests it
 * sends in parallel and how it retries.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class BatchWriterOptions {

    /** DynamoDB's limit on the writes of one BatchWriteItem call. */
    public static final int MAX_BATCH_SIZE = 25;

    private static final BatchWriterOptions DEFAULTS = builder().build();

    private final int maxBatchSize;
    private final Duration flushInterval;
    private final long maxBufferedBytes;
    private final int capacity;
    private final int workers;
    private final @Nullable RetryPolicy retryPolicy;
    private final boolean ignoreVersioning;

    private BatchWriterOptions(Builder b) {
        this.maxBatchSize = b.maxBatchSize;
        this.flushInterval = b.flushInterval;
        this.maxBufferedBytes = b.maxBufferedBytes;
        this.capacity = b.capacity;
        this.workers = b.workers;
        this.retryPolicy = b.retryPolicy;
        this.ignoreVersioning = b.ignoreVersioning;
    }

    /**
     * The defaults: batches of 25, flushed after 50 ms or 4 MiB, at most 10 000 pending writes, 4
     * parallel requests, the instance's retry policy, versioned models refused.
     *
     * @return the defaults
     */
    public static BatchWriterOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The number of queued writes that triggers a BatchWriteItem call.
     *
     * @return 1 to 25
     */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /**
     * How long the oldest queued write waits before a partial batch is sent.
     *
     * @return the interval
     */
    public Duration flushInterval() {
        return flushInterval;
    }

    /**
     * The size of queued items (as DynamoDB counts it) that triggers a send.
     *
     * @return bytes
     */
    public long maxBufferedBytes() {
        return maxBufferedBytes;
    }

    /**
     * How many accepted writes may be pending before {@code put}/{@code delete} block.
     *
     * @return at least 1
     */
    public int capacity() {
        return capacity;
    }

    /**
     * How many BatchWriteItem calls may run at once.
     *
     * @return at least 1
     */
    public int workers() {
        return workers;
    }

    /**
     * The policy that retries throttled calls and unprocessed items.
     *
     * @return the policy, or empty for the instance's policy
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * Whether versioned models may be written without version checks, see {@link
     * BatchOptions#ignoreVersioning()}.
     *
     * @return false by default
     */
    public boolean ignoreVersioning() {
        return ignoreVersioning;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchWriterOptions b
                && maxBatchSize == b.maxBatchSize
                && flushInterval.equals(b.flushInterval)
                && maxBufferedBytes == b.maxBufferedBytes
                && capacity == b.capacity
                && workers == b.workers
                && Objects.equals(retryPolicy, b.retryPolicy)
                && ignoreVersioning == b.ignoreVersioning;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                maxBatchSize,
                flushInterval,
                maxBufferedBytes,
                capacity,
                workers,
                retryPolicy,
                ignoreVersioning);
    }

    @Override
    public String toString() {
        return "BatchWriterOptions[maxBatchSize="
                + maxBatchSize
                + ", flushInterval="
                + flushInterval
                + ", maxBufferedBytes="
                + maxBufferedBytes
                + ", capacity="
                + capacity
                + ", workers="
                + workers
                + ", retryPolicy="
                + retryPolicy
                + ", ignoreVersioning="
                + ignoreVersioning
                + "]";
    }

    /** Builds {@link BatchWriterOptions}; not thread-safe, reusable after {@link #build()}. */
    public static final class Builder {
        private int maxBatchSize = MAX_BATCH_SIZE;
        private Duration flushInterval = Duration.ofMillis(50);
        private long maxBufferedBytes = 4L * 1024 * 1024;
        private int capacity = 10_000;
        private int workers = 4;
        private @Nullable RetryPolicy retryPolicy;
        private boolean ignoreVersioning;

        private Builder() {}

        /**
         * Sets the number of queued writes that triggers a call.
         *
         * @param maxBatchSize 1 to 25 (DynamoDB's limit)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxBatchSize(int maxBatchSize) {
            if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "maxBatchSize must be between 1 and %d (DynamoDB's limit per BatchWriteItem), got %d",
                                MAX_BATCH_SIZE,
                                maxBatchSize));
            }
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /**
         * Sets how long a partial batch waits.
         *
         * @param flushInterval a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder flushInterval(Duration flushInterval) {
            Objects.requireNonNull(flushInterval, "flushInterval");
            if (flushInterval.isNegative() || flushInterval.isZero()) {
                throw new IllegalArgumentException(
                        "flushInterval must be positive, got " + flushInterval);
            }
            this.flushInterval = flushInterval;
            return this;
        }

        /**
         * Sets the buffered size that triggers a send.
         *
         * @param maxBufferedBytes at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxBufferedBytes(long maxBufferedBytes) {
            if (maxBufferedBytes < 1) {
                throw new IllegalArgumentException(
                        "maxBufferedBytes must be at least 1, got " + maxBufferedBytes);
            }
            this.maxBufferedBytes = maxBufferedBytes;
            return this;
        }

        /**
         * Sets how many writes may be pending before callers block.
         *
         * @param capacity at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * Sets how many calls may run at once.
         *
         * @param workers 1 to 64
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException(
                        "workers must be between 1 and 64, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * Sets the retry policy, replacing the instance's.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Allows versioned models without version checks.
         *
         * @param ignoreVersioning true to allow
         * @return this builder
         */
        public Builder ignoreVersioning(boolean ignoreVersioning) {
            this.ignoreVersioning = ignoreVersioning;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public BatchWriterOptions build() {
            return new BatchWriterOptions(this);
        }
    }
}
