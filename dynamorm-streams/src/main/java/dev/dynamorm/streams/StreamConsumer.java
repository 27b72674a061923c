package dev.dynamorm.streams;

import dev.dynamorm.DynamORM;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Follows a table's DynamoDB stream and hands typed changes to a {@link ChangeHandler}, batch by
 * batch, shard by shard.
 *
 * <p>It discovers the stream's shards, reads a child shard only after its parent is finished (so
 * the changes of one key arrive in order across shard splits), and after each handled batch writes
 * a checkpoint to the {@code dynamorm_checkpoints} table through DynamORM. Each shard is held under
 * a lease in that table: consumers of the same group (in one or several processes) share the
 * shards, and take over the shards of a consumer that stopped renewing its leases once they expire.
 * Delivery is at least once: a batch is handed again after a failure, or to another consumer when a
 * lease moves before its checkpoint was written.
 *
 * <pre>{@code
 * try (StreamConsumer consumer = StreamConsumer.builder(db, Order.class)
 *         .streamsClient(streamsClient)
 *         .group("billing")
 *         .handler(changes -> changes.forEach(billing::apply))
 *         .build()) {
 *     consumer.start();
 *     ...
 * }
 * }</pre>
 *
 * <h2>Metrics and traces</h2>
 *
 * <p>Each handler call runs as a {@link dev.dynamorm.Operation#STREAM_READ} operation that the
 * installed plugins' hooks see ({@link DynamORM#observe}): the tracing plugin opens a span around
 * it, under which the requests the handler sends nest, with the attributes {@code
 * dynamorm.stream.shard}, {@code dynamorm.stream.records}, {@code dynamorm.stream.attempt} and
 * {@code dynamorm.stream.iterator_age_ms}; the metrics plugin times it ({@code
 * dynamorm.operations}, {@code operation=stream_read}, with its outcome). The consumer also
 * publishes statistics ({@link DynamORM#publish}, exported by the metrics plugin), tagged {@code
 * model}, {@code group} and {@code worker}: the counter {@code dynamorm.stream.records} (changes
 * handled), the gauges {@code dynamorm.stream.lag} (milliseconds since the creation of the oldest
 * change not yet handled; 0 when caught up), {@code dynamorm.stream.iterator.age} (milliseconds
 * between reading a batch and the creation of its newest record, as Lambda's {@code IteratorAge}),
 * {@code dynamorm.stream.shards} and {@code dynamorm.stream.shards.stopped}. DynamoDB gives
 * creation times in whole seconds, so lag and age are that coarse against DynamoDB.
 *
 * <p>Thread-safe.
 */
public interface StreamConsumer extends AutoCloseable {

    /**
     * A builder for a consumer of a model's table stream.
     *
     * @param db the DynamORM instance the model's table and the checkpoint table belong to
     * @param modelType the model of the table whose stream is read
     * @param <T> the model type
     * @return the builder
     */
    static <T> Builder<T> builder(DynamORM db, Class<T> modelType) {
        return new Builder<>(
                Objects.requireNonNull(db, "db"), Objects.requireNonNull(modelType, "modelType"));
    }

    /**
     * Starts polling on a background thread; returns at once.
     *
     * @throws IllegalStateException if already started or closed
     */
    void start();

    /**
     * Runs one round on the caller's thread: discovers shards when due, takes free leases, and
     * reads and handles at most one batch per held shard.
     *
     * @return the number of changes handled in this round
     * @throws IllegalStateException if closed, or started (the background thread polls)
     */
    int pollOnce();

    /**
     * Runs rounds on the caller's thread until one handles nothing and neither takes nor finishes a
     * shard the stream had when the drain began: in a test, every change written so far has been
     * handled (on the shards this consumer holds). Shards opened since count only by their changes,
     * so a drain ends even when (empty) shards keep rolling over faster than a round takes.
     *
     * @return the number of changes handled
     * @throws IllegalStateException if closed, or started
     */
    int drain();

    /**
     * The shards this consumer holds a lease for.
     *
     * @return the shard ids
     */
    Set<String> ownedShards();

    /**
     * The checkpoints of this consumer's group on the stream, read from the checkpoint table.
     *
     * @return shard id to the sequence number of the last handled change (shards without a
     *     checkpoint are left out)
     */
    Map<String, String> checkpoints();

    /**
     * The shards this consumer stopped because the handler kept failing, with the last failure. A
     * stopped shard is not read again by this consumer; its lease expires, so another consumer of
     * the group retries it.
     *
     * @return shard id to the failure
     */
    Map<String, Throwable> failures();

    /**
     * Stops polling, waits for the batch in hand, and frees this consumer's leases (their
     * checkpoints stay) so that other consumers take the shards at once.
     */
    @Override
    void close();

    /**
     * Builds a {@link StreamConsumer}. Not thread-safe; {@link #build()} leaves it reusable.
     *
     * @param <T> the model type
     */
    final class Builder<T> {
        final DynamORM db;
        final Class<T> modelType;
        DynamoDbStreamsClient streamsClient;
        ChangeHandler<T> handler;
        String streamArn;
        String group = "default";
        String workerId = UUID.randomUUID().toString();
        StartPosition startPosition = StartPosition.TRIM_HORIZON;
        int batchSize = 100;
        int parallelism = 1;
        int handlerAttempts = 3;
        Duration retryBackoff = Duration.ofMillis(100);
        Duration leaseDuration = Duration.ofSeconds(30);
        Duration pollInterval = Duration.ofSeconds(1);
        Duration discoveryInterval = Duration.ofSeconds(10);
        boolean createCheckpointTable = true;
        Clock clock = Clock.systemUTC();

        Builder(DynamORM db, Class<T> modelType) {
            this.db = db;
            this.modelType = modelType;
        }

        /**
         * Sets the Streams client (required), e.g. {@code DynamoDbStreamsClient.create()} or the
         * one of {@code LocalDynamoDb}.
         *
         * @param client the client; the consumer does not close it
         * @return this builder
         */
        public Builder<T> streamsClient(DynamoDbStreamsClient client) {
            this.streamsClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Sets what handles each batch (required).
         *
         * @param changeHandler the handler
         * @return this builder
         */
        public Builder<T> handler(ChangeHandler<T> changeHandler) {
            this.handler = Objects.requireNonNull(changeHandler, "handler");
            return this;
        }

        /**
         * Reads this stream instead of the table's latest one ({@code LatestStreamArn}).
         *
         * @param arn the stream ARN
         * @return this builder
         */
        public Builder<T> streamArn(String arn) {
            this.streamArn = requireText(arn, "streamArn");
            return this;
        }

        /**
         * Names the consumer group: consumers of one group share shards and checkpoints; another
         * group reads the stream independently. {@code "default"} unless set.
         *
         * @param name the group name
         * @return this builder
         * @throws IllegalArgumentException if blank or containing '|'
         */
        public Builder<T> group(String name) {
            requireText(name, "group");
            if (name.indexOf('|') >= 0) {
                throw new IllegalArgumentException("group must not contain '|': " + name);
            }
            this.group = name;
            return this;
        }

        /**
         * Names this consumer in the leases it holds; a random UUID unless set.
         *
         * @param id the worker id, unique within the group
         * @return this builder
         */
        public Builder<T> workerId(String id) {
            this.workerId = requireText(id, "workerId");
            return this;
        }

        /**
         * Where to start a shard that has no checkpoint yet: {@link StartPosition#TRIM_HORIZON}
         * (the default) or {@link StartPosition#LATEST}. A child of a shard the group has read
         * always starts at its beginning.
         *
         * @param position the position
         * @return this builder
         */
        public Builder<T> startPosition(StartPosition position) {
            this.startPosition = Objects.requireNonNull(position, "position");
            return this;
        }

        /**
         * The most records read per request and handed per batch, 1 to 1000; 100 unless set.
         *
         * @param size the batch size
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder<T> batchSize(int size) {
            if (size < 1 || size > 1000) {
                throw new IllegalArgumentException("batchSize must be between 1 and 1000: " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * How many shards are read at once; 1 unless set. Each shard is read by one thread at a
         * time, so the order within a shard holds.
         *
         * @param threads the number of threads, 1 to 64
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder<T> parallelism(int threads) {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException(
                        "parallelism must be between 1 and 64: " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * How often a failing batch is handed to the handler before its shard is stopped (see
         * {@link StreamConsumer#failures()}), and the first pause between attempts (doubled each
         * time); 3 attempts and 100 ms unless set.
         *
         * @param attempts the attempts, at least 1
         * @param backoff the first pause
         * @return this builder
         * @throws IllegalArgumentException if attempts is below 1 or backoff negative
         */
        public Builder<T> handlerRetries(int attempts, Duration backoff) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
            }
            Objects.requireNonNull(backoff, "backoff");
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative: " + backoff);
            }
            this.handlerAttempts = attempts;
            this.retryBackoff = backoff;
            return this;
        }

        /**
         * How long a lease lasts without renewal; 30 s unless set. A consumer that stops (crash,
         * pause) loses its shards to the group this long after its last renewal.
         *
         * @param duration the lease duration, at least 100 ms
         * @return this builder
         * @throws IllegalArgumentException if shorter than 100 ms
         */
        public Builder<T> leaseDuration(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.toMillis() < 100) {
                throw new IllegalArgumentException(
                        "leaseDuration must be at least 100 ms: " + duration);
            }
            this.leaseDuration = duration;
            return this;
        }

        /**
         * The pause of the background thread after a round that handled nothing; 1 s unless set.
         *
         * @param interval the pause
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder<T> pollInterval(Duration interval) {
            this.pollInterval = nonNegative(interval, "pollInterval");
            return this;
        }

        /**
         * How often the stream is described to find new shards; 10 s unless set (and at once after
         * a shard ends).
         *
         * @param interval the interval
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder<T> discoveryInterval(Duration interval) {
            this.discoveryInterval = nonNegative(interval, "discoveryInterval");
            return this;
        }

        /**
         * Whether to create the checkpoint table when it is missing; true unless set.
         *
         * @param create whether to create it
         * @return this builder
         */
        public Builder<T> createCheckpointTable(boolean create) {
            this.createCheckpointTable = create;
            return this;
        }

        /**
         * The clock leases are measured with; the system UTC clock unless set.
         *
         * @param leaseClock the clock
         * @return this builder
         */
        public Builder<T> clock(Clock leaseClock) {
            this.clock = Objects.requireNonNull(leaseClock, "clock");
            return this;
        }

        /**
         * Builds the consumer: resolves the stream and creates the checkpoint table if asked. No
         * shard is read until {@link StreamConsumer#start()} or {@link StreamConsumer#pollOnce()}.
         *
         * @return the consumer
         * @throws IllegalStateException if no streams client or handler was set, or the table has
         *     no stream (message names the table)
         */
        public StreamConsumer build() {
            if (streamsClient == null) {
                throw new IllegalStateException(
                        "a streams client is required: call streamsClient(...)");
            }
            if (handler == null) {
                throw new IllegalStateException("a handler is required: call handler(...)");
            }
            return new DefaultStreamConsumer<>(this);
        }

        private static String requireText(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static Duration nonNegative(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "%s must not be negative: %s", what, d));
            }
            return d;
        }
    }
}
