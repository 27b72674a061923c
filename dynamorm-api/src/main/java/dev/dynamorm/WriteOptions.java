package dev.dynamorm;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options of a single-item write: an extra condition, what to return, and null handling.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class WriteOptions {

    private static final WriteOptions DEFAULTS = builder().build();

    private final @Nullable Condition condition;
    private final ReturnValue returnValue;
    private final NullHandling nullHandling;
    private final boolean returnItemOnConditionFailure;
    private final boolean idempotent;

    private WriteOptions(Builder b) {
        this.idempotent = b.idempotent;
        this.condition = b.condition;
        this.returnValue = b.returnValue;
        this.nullHandling = b.nullHandling;
        this.returnItemOnConditionFailure = b.returnItemOnConditionFailure;
    }

    /**
     * The default options: no condition, nothing returned, nulls skipped, the old item returned
     * with a condition failure.
     *
     * @return the defaults
     */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Options with only a condition set.
     *
     * @param condition the condition the stored item must meet
     * @return the options
     */
    public static WriteOptions when(Condition condition) {
        return builder().condition(condition).build();
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
     * A builder initialised with these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.condition = condition;
        b.returnValue = returnValue;
        b.nullHandling = nullHandling;
        b.returnItemOnConditionFailure = returnItemOnConditionFailure;
        b.idempotent = idempotent;
        return b;
    }

    /**
     * The extra condition the stored item must meet.
     *
     * @return the condition, or empty
     */
    public Optional<Condition> condition() {
        return Optional.ofNullable(condition);
    }

    /**
     * What the write returns.
     *
     * @return the return-value mode
     */
    public ReturnValue returnValue() {
        return returnValue;
    }

    /**
     * What an update from a model does with null fields.
     *
     * @return the null handling
     */
    public NullHandling nullHandling() {
        return nullHandling;
    }

    /**
     * Whether a failed condition reports the stored item ({@code
     * ReturnValuesOnConditionCheckFailure=ALL_OLD}).
     *
     * @return true by default
     */
    public boolean returnItemOnConditionFailure() {
        return returnItemOnConditionFailure;
    }

    /**
     * Whether the write is sent idempotently: as a single-action {@code TransactWriteItems} with a
     * client request token reused by every retry, so a retry after a lost answer never applies the
     * write twice. It costs twice the write capacity of a plain write, returns no item, and a token
     * is remembered by DynamoDB for ten minutes.
     *
     * @return false by default
     */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * Options that send a write idempotently (see {@link #idempotent()}).
     *
     * @return the options
     */
    public static WriteOptions idempotently() {
        return builder().idempotent(true).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteOptions w
                && Objects.equals(condition, w.condition)
                && returnValue == w.returnValue
                && nullHandling == w.nullHandling
                && returnItemOnConditionFailure == w.returnItemOnConditionFailure
                && idempotent == w.idempotent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                condition, returnValue, nullHandling, returnItemOnConditionFailure, idempotent);
    }

    @Override
    public String toString() {
        return "WriteOptions[condition="
                + condition
                + ", returnValue="
                + returnValue
                + ", nullHandling="
                + nullHandling
                + ", returnItemOnConditionFailure="
                + returnItemOnConditionFailure
                + ", idempotent="
                + idempotent
                + "]";
    }

    /** Builds {@link WriteOptions}; not thread-safe. */
    public static final class Builder {
        private @Nullable Condition condition;
        private ReturnValue returnValue = ReturnValue.NONE;
        private NullHandling nullHandling = NullHandling.SKIP;
        private boolean returnItemOnConditionFailure = true;
        private boolean idempotent;

        private Builder() {}

        /**
         * Sets the condition the stored item must meet.
         *
         * @param condition the condition, or null for none
         * @return this builder
         */
        public Builder condition(@Nullable Condition condition) {
            this.condition = condition;
            return this;
        }

        /**
         * Sets what the write returns.
         *
         * @param returnValue the mode
         * @return this builder
         * @throws NullPointerException if null
         */
        public Builder returnValue(ReturnValue returnValue) {
            this.returnValue = Objects.requireNonNull(returnValue, "returnValue");
            return this;
        }

        /**
         * Sets what an update from a model does with null fields.
         *
         * @param nullHandling skip (default) or remove
         * @return this builder
         * @throws NullPointerException if null
         */
        public Builder nullHandling(NullHandling nullHandling) {
            this.nullHandling = Objects.requireNonNull(nullHandling, "nullHandling");
            return this;
        }

        /**
         * Sets whether a failed condition reports the stored item.
         *
         * @param enabled true to return it (default)
         * @return this builder
         */
        public Builder returnItemOnConditionFailure(boolean enabled) {
            this.returnItemOnConditionFailure = enabled;
            return this;
        }

        /**
         * Sends the write idempotently (see {@link WriteOptions#idempotent()}); the return value
         * must then be {@link ReturnValue#NONE}.
         *
         * @param enabled true to send it idempotently
         * @return this builder
         */
        public Builder idempotent(boolean enabled) {
            this.idempotent = enabled;
            return this;
        }

        /**
         * Builds the options; the builder stays usable.
         *
         * @return the options
         */
        public WriteOptions build() {
            return new WriteOptions(this);
        }
    }
}
