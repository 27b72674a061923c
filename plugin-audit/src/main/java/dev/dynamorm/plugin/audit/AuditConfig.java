package dev.dynamorm.plugin.audit;

import dev.dynamorm.PluginConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.event.Level;

/**
 * How the audit plugin records writes: its sinks, the actor provider, whether before/after images
 * are kept and which fields they redact. Immutable.
 *
 * <pre>{@code
 * DynamORM db = DynamORM.builder().client(client)
 *         .pluginConfig(AuditConfig.builder().logSink(true).tableSink(true).images(true)
 *                 .redact("email").actorProvider(() -> Optional.of(currentUser())).build())
 *         .build();
 * }</pre>
 *
 * <p>As properties ({@code DynamORM.Builder.pluginProperties}): {@code
 * dynamorm.plugin.audit.sinks=log,table}, {@code dynamorm.plugin.audit.images=true}, {@code
 * dynamorm.plugin.audit.redact=email,phone}, {@code dynamorm.plugin.audit.actor=batch-job} (a fixed
 * actor), {@code dynamorm.plugin.audit.log.level=DEBUG}, {@code
 * dynamorm.plugin.audit.log.batchSize=100}. Without any configuration the plugin logs every write
 * through SLF4J (logger {@code dev.dynamorm.audit}, INFO) without images: one JSON line for a
 * single-item write, lines of up to 100 records (a JSON array) for batches and transactions. Other
 * sinks receive one record per item.
 *
 * <p>The actor of a record is the one set with {@link ActorProvider#runAs} or {@link
 * ActorProvider#callAs} on the writing thread; when none is set, the configured {@link
 * #actorProvider()}'s, else that of an {@link ActorProvider} found by {@link
 * java.util.ServiceLoader}; else {@code unknown}.
 */
public final class AuditConfig implements PluginConfig {

    /** The default number of records per log line ({@link #logBatchSize()}). */
    public static final int DEFAULT_LOG_BATCH_SIZE = 100;

    private final boolean logSink;
    private final boolean tableSink;
    private final List<AuditSink> sinks;
    private final ActorProvider actorProvider;
    private final boolean images;
    private final Set<String> redacted;
    private final Level logLevel;
    private final int logBatchSize;

    private AuditConfig(Builder b) {
        this.logSink = b.logSink;
        this.tableSink = b.tableSink;
        this.sinks = List.copyOf(b.sinks);
        this.actorProvider = b.actorProvider;
        this.images = b.images;
        this.redacted = Set.copyOf(b.redacted);
        this.logLevel = b.logLevel;
        this.logBatchSize = b.logBatchSize;
    }

    /**
     * A new builder: log sink on, table sink off, no images.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether records are logged through SLF4J (logger {@code dev.dynamorm.audit}, INFO, one JSON
     * line).
     *
     * @return true by default
     */
    public boolean logSink() {
        return logSink;
    }

    /**
     * The level the log sink writes at.
     *
     * @return {@link Level#INFO} by default
     */
    public Level logLevel() {
        return logLevel;
    }

    /**
     * The most records one log line carries when a request wrote several items (a JSON array); 1
     * logs one line per record.
     *
     * @return 100 by default
     */
    public int logBatchSize() {
        return logBatchSize;
    }

    /**
     * Whether records are written to the audit table through DynamORM (in the same transaction when
     * the write is transactional).
     *
     * @return false by default
     */
    public boolean tableSink() {
        return tableSink;
    }

    /**
     * Custom sinks, besides those found by {@link java.util.ServiceLoader}.
     *
     * @return the sinks
     */
    public List<AuditSink> sinks() {
        return sinks;
    }

    /**
     * The actor provider, asked when no actor is set on the writing thread ({@link
     * ActorProvider#runAs} wins).
     *
     * @return the provider, or empty for a discovered one (else {@code unknown})
     */
    public Optional<ActorProvider> actorProvider() {
        return Optional.ofNullable(actorProvider);
    }

    /**
     * Whether records carry before and after images of single-item writes (costs a consistent read
     * before each write, and after each update).
     *
     * @return false by default
     */
    public boolean images() {
        return images;
    }

    /**
     * Fields (Java or attribute names) whose values images show as {@code <redacted>}.
     *
     * @return the names
     */
    public Set<String> redacted() {
        return redacted;
    }

    @Override
    public String pluginName() {
        return "audit";
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "AuditConfig[log=%s (%s, %d per line), table=%s, sinks=%d, images=%s, redacted=%s]",
                logSink,
                logLevel,
                logBatchSize,
                tableSink,
                sinks.size(),
                images,
                redacted);
    }

    /** Builds an {@link AuditConfig}. Not thread-safe; {@link #build()} leaves it reusable. */
    public static final class Builder {
        private boolean logSink = true;
        private boolean tableSink;
        private final List<AuditSink> sinks = new ArrayList<>();
        private ActorProvider actorProvider;
        private boolean images;
        private final Set<String> redacted = new LinkedHashSet<>();
        private Level logLevel = Level.INFO;
        private int logBatchSize = DEFAULT_LOG_BATCH_SIZE;

        private Builder() {}

        /**
         * Sets the level the log sink writes at.
         *
         * @param level the level
         * @return this builder
         */
        public Builder logLevel(Level level) {
            this.logLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Sets the most records one log line carries when a request wrote several items.
         *
         * @param size at least 1; 1 logs one line per record
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is below 1
         */
        public Builder logBatchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "audit log batch size must be at least 1, got %d",
                                size));
            }
            this.logBatchSize = size;
            return this;
        }

        /**
         * Turns the SLF4J sink on or off.
         *
         * @param enabled whether to log
         * @return this builder
         */
        public Builder logSink(boolean enabled) {
            this.logSink = enabled;
            return this;
        }

        /**
         * Turns the audit table sink on or off.
         *
         * @param enabled whether to write the audit table
         * @return this builder
         */
        public Builder tableSink(boolean enabled) {
            this.tableSink = enabled;
            return this;
        }

        /**
         * Adds a custom sink.
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder sink(AuditSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Sets the actor provider, asked when no actor is set on the writing thread with {@link
         * ActorProvider#runAs} or {@link ActorProvider#callAs} (which wins).
         *
         * @param provider the provider
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder actorProvider(ActorProvider provider) {
            Objects.requireNonNull(provider, "provider");
            if (actorProvider != null) {
                throw new IllegalStateException(
                        "audit actor provider was already set to " + actorProvider);
            }
            this.actorProvider = provider;
            return this;
        }

        /**
         * Turns before/after images on or off.
         *
         * @param enabled whether to record images
         * @return this builder
         */
        public Builder images(boolean enabled) {
            this.images = enabled;
            return this;
        }

        /**
         * Redacts fields in images.
         *
         * @param fields Java field names or attribute names
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
        public Builder redact(String... fields) {
            for (String f : fields) {
                Objects.requireNonNull(f, "field");
                if (f.isBlank()) {
                    throw new IllegalArgumentException("redacted field name must not be blank");
                }
                redacted.add(f.trim());
            }
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public AuditConfig build() {
            return new AuditConfig(this);
        }
    }
}
