package dev.dynamorm.local;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable description of the faults a {@link LocalDynamoDb} injects, for testing retry and error
 * handling. Decisions come from a {@link java.util.Random} seeded with {@link #seed()}, so the same
 * sequence of requests meets the same faults on every run.
 *
 * <pre>{@code
 * FaultInjection faults = FaultInjection.builder().seed(42).throttleRate(0.1).unprocessedRate(0.2).build();
 * }</pre>
 */
public final class FaultInjection {
    private static final FaultInjection NONE = builder().build();

    private final long seed;
    private final double throttleRate;
    private final double unprocessedRate;
    private final Duration latency;
    private final double transactionConflictRate;

    private FaultInjection(Builder b) {
        this.seed = b.seed;
        this.throttleRate = b.throttleRate;
        this.unprocessedRate = b.unprocessedRate;
        this.latency = b.latency;
        this.transactionConflictRate = b.transactionConflictRate;
    }

    /** Returns a value that injects no faults. */
    public static FaultInjection none() {
        return NONE;
    }

    /** Returns a new builder; every rate defaults to 0, latency to zero and the seed to 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the seed of the random source that decides which requests fail. */
    public long seed() {
        return seed;
    }

    /**
     * Returns the share (0..1) of requests answered with ProvisionedThroughputExceededException or
     * ThrottlingException instead of being executed.
     */
    public double throttleRate() {
        return throttleRate;
    }

    /**
     * Returns the share (0..1) of BatchWriteItem items and BatchGetItem keys returned as
     * unprocessed.
     */
    public double unprocessedRate() {
        return unprocessedRate;
    }

    /** Returns the delay added before every request is handled. */
    public Duration latency() {
        return latency;
    }

    /**
     * Returns the share (0..1) of TransactWriteItems calls cancelled with a TransactionConflict
     * reason.
     */
    public double transactionConflictRate() {
        return transactionConflictRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultInjection f
                && f.seed == seed
                && f.throttleRate == throttleRate
                && f.unprocessedRate == unprocessedRate
                && f.latency.equals(latency)
                && f.transactionConflictRate == transactionConflictRate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, throttleRate, unprocessedRate, latency, transactionConflictRate);
    }

    @Override
    public String toString() {
        return "FaultInjection[seed="
                + seed
                + ", throttleRate="
                + throttleRate
                + ", unprocessedRate="
                + unprocessedRate
                + ", latency="
                + latency
                + ", transactionConflictRate="
                + transactionConflictRate
                + "]";
    }

    /** Builder for {@link FaultInjection}. */
    public static final class Builder {
        private long seed;
        private double throttleRate;
        private double unprocessedRate;
        private Duration latency = Duration.ZERO;
        private double transactionConflictRate;

        private Builder() {}

        /**
         * Sets the random seed.
         *
         * @param seed seed for the fault decisions
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the share of requests that are throttled.
         *
         * @param rate a value from 0 to 1
         * @return this builder
         */
        public Builder throttleRate(double rate) {
            this.throttleRate = rate(rate, "throttleRate");
            return this;
        }

        /**
         * Sets the share of batch items or keys that are returned unprocessed.
         *
         * @param rate a value from 0 to 1
         * @return this builder
         */
        public Builder unprocessedRate(double rate) {
            this.unprocessedRate = rate(rate, "unprocessedRate");
            return this;
        }

        /**
         * Sets the delay added to every request.
         *
         * @param latency a non-negative duration
         * @return this builder
         */
        public Builder latency(Duration latency) {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative");
            }
            this.latency = latency;
            return this;
        }

        /**
         * Sets the share of write transactions cancelled with a TransactionConflict reason.
         *
         * @param rate a value from 0 to 1
         * @return this builder
         */
        public Builder transactionConflictRate(double rate) {
            this.transactionConflictRate = rate(rate, "transactionConflictRate");
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the fault injection settings
         */
        public FaultInjection build() {
            return new FaultInjection(this);
        }

        private static double rate(double rate, String name) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
            }
            return rate;
        }
    }
}
