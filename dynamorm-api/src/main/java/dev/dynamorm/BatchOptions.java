package dev.dynamorm;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link Table#batchGet(java.util.Collection, BatchOptions)} and {@link
 * Table#batchWrite(java.util.Collection, java.util.Collection, BatchOptions)}: parallelism, retry
 * budget for unprocessed items, progress callback, consistency and versioning.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class BatchOptions {

    private static final BatchOptions DEFAULTS = builder().build();

    private final int workers;
    private final @Nullable RetryPolicy retryPolicy;
    private final @Nullable BatchProgress progress;
    private final boolean consistentRead;
    private final boolean ignoreVersioning;

    private BatchOptions(Builder b) {
        this.workers = b.workers;
        this.retryPolicy = b.retryPolicy;
        this.progress = b.progress;
        this.consistentRead = b.consistentRead;
        this.ignoreVersioning = b.ignoreVersioning;
    }

    /**
     * The defaults: 4 workers, the instance's retry policy, no progress callback, eventually
     * consistent reads, versioned models refused in writes.
     *
     * @return the defaults
     */
    public static BatchOptions defaults() {
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
     * How many requests run in parallel.
     *
     * @return at least 1
     */
    public int workers() {
        return workers;
    }

    /**
     * The policy that retries throttled requests and unprocessed items or keys.
     *
     * @return the policy, or empty for the instance's policy
     */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /**
     * The progress callback.
     *
     * @return the callback, or empty
     */
    public Optional<BatchProgress> progress() {
        return Optional.ofNullable(progress);
    }

    /**
     * Whether batch reads are strongly consistent.
     *
     * @return false by default
     */
    public boolean consistentRead() {
        return consistentRead;
    }

    /**
     * Whether versioned models may be written without their version check. BatchWriteItem cannot
     * carry conditions, so by default a batch write of a model with a {@code @Version} field is
     * refused; when allowed, puts write the incremented version unconditionally and deletes delete
     * whatever version is stored.
     *
     * @return false by default
     */
    public boolean ignoreVersioning() {
        return ignoreVersioning;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchOptions b
                && workers == b.workers
                && Objects.equals(retryPolicy, b.retryPolicy)
                && Objects.equals(progress, b.progress)
                && consistentRead == b.consistentRead
                && ignoreVersioning == b.ignoreVersioning;
    }

    @Override
    public int hashCode() {
        return Objects.hash(workers, retryPolicy, progress, consistentRead, ignoreVersioning);
    }

    @Override
    public String toString() {
        return "BatchOptions[workers="
                + workers
                + ", retryPolicy="
                + retryPolicy
                + ", progress="
                + progress
                + ", consistentRead="
                + consistentRead
                + ", ignoreVersioning="
                + ignoreVersioning
                + "]";
    }

    /** Builds {@link BatchOptions}; not thread-safe, reusable after {@link #build()}. */
    public static final class Builder {
        private int workers = 4;
        private @Nullable RetryPolicy retryPolicy;
        private @Nullable BatchProgress progress;
        private boolean consistentRead;
        private boolean ignoreVersioning;

        private Builder() {}

        /**
         * Sets how many requests run in parallel.
         *
         * @param workers 1 to 64
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT, "workers must be between 1 and 64, got %d", workers));
            }
            this.workers = workers;
            return this;
        }

        /**
         * Sets the policy for throttled requests and unprocessed items, replacing the instance's.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets the progress callback.
         *
         * @param progress the callback
         * @return this builder
         */
        public Builder progress(BatchProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Makes batch reads strongly consistent.
         *
         * @param consistentRead true for consistent reads
         * @return this builder
         */
        public Builder consistentRead(boolean consistentRead) {
            this.consistentRead = consistentRead;
            return this;
        }

        /**
         * Allows batch writes of versioned models without version checks, see {@link
         * BatchOptions#ignoreVersioning()}.
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
        public BatchOptions build() {
            return new BatchOptions(this);
        }
    }
}
