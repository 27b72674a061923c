package dev.dynamorm.local;

import dev.dynamorm.local.internal.engine.Engine;
import dev.dynamorm.local.internal.engine.FaultState;
import dev.dynamorm.local.internal.http.HttpListener;
import dev.dynamorm.local.internal.http.HttpOptions;
import dev.dynamorm.local.internal.storage.WriteAheadLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * An embedded, in-memory DynamoDB-compatible server.
 *
 * <pre>{@code
 * try (LocalDynamoDb db = LocalDynamoDb.start()) {
 *     DynamoDbClient client = db.client();        // in-process, no sockets
 *     URI endpoint = db.endpoint();               // optional HTTP listener on 127.0.0.1
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. Closing stops the HTTP listener, the TTL sweeper and the in-process
 * client, and writes a snapshot when a data directory is configured.
 */
public final class LocalDynamoDb implements AutoCloseable {
    private final Engine engine;
    private final String region;
    private final String accountId;
    private final int port;
    private final HttpOptions httpOptions;
    private final WriteAheadLog wal;

    /** Built on first use (guarded by this). */
    private InProcessClients clients;

    private final ScheduledExecutorService sweeper;
    private volatile FaultInjection faults;
    private HttpListener listener;
    private boolean closed;

    private LocalDynamoDb(Builder b) throws IOException {
        this.region = b.region;
        this.accountId = b.accountId;
        this.port = b.port;
        this.httpOptions =
                HttpOptions.defaults()
                        .withAllowedHosts(b.allowedHosts)
                        .withSigningKeys(b.signingKeys)
                        .withCorsOrigin(b.cors);
        this.engine = new Engine(region, accountId);
        dev.dynamorm.local.internal.streams.StreamSettings streamSettings =
                dev.dynamorm.local.internal.streams.StreamSettings.defaults()
                        .withShardPeriod(b.streamShardPeriod)
                        .withRetention(b.streamRetention);
        engine.streams()
                .settings(
                        b.streamClock == null
                                ? streamSettings
                                : streamSettings.withClock(b.streamClock));
        this.wal =
                b.dataDirectory == null
                        ? null
                        : WriteAheadLog.open(b.dataDirectory, engine, b.recover);
        if (wal != null) {
            engine.journal(wal);
        }
        faults(b.faults);
        // classes, not lambdas: the first invokedynamic of a JVM initialises java.lang.invoke
        // (about
        // a tenth of a fresh server's start), which the launcher leaves to its warm-up thread
        this.sweeper = Executors.newSingleThreadScheduledExecutor(new SweeperThreads());
        long every = Math.max(1, b.ttlSweepInterval.toMillis());
        // runs until close() shuts the executor down
        var unused =
                sweeper.scheduleWithFixedDelay(
                        new Sweep(engine), every, every, TimeUnit.MILLISECONDS);
    }

    /** The TTL sweeper's daemon thread. */
    private static final class SweeperThreads implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "dynamorm-local-ttl");
            t.setDaemon(true);
            return t;
        }
    }

    /** One pass of the TTL sweeper. */
    private static final class Sweep implements Runnable {
        private final Engine engine;

        Sweep(Engine engine) {
            this.engine = engine;
        }

        @Override
        public void run() {
            engine.sweepExpired();
        }
    }

    /**
     * Runs one TTL sweep now, as the background sweeper does every {@link
     * Builder#ttlSweepInterval(Duration) sweep interval}: deletes every item whose TTL attribute is
     * a Number of epoch seconds in the past (and less than five years old), recording each removal
     * in the table's stream as made by the service {@code dynamodb.amazonaws.com}. Until a sweep
     * deletes it, an expired item stays visible to reads, queries, scans, conditions and updates,
     * as in DynamoDB. A test that wants to decide when expired items go builds the server with a
     * long sweep interval and calls this.
     *
     * @return how many items the sweep deleted
     */
    public int sweepExpiredNow() {
        return engine.sweepExpired();
    }

    /** Expiry-index entries the TTL sweeps have visited in the live tables (tests). */
    long sweepVisits() {
        return engine.sweepVisits();
    }

    /**
     * Starts an in-memory instance with default settings (region us-east-1, account 000000000000,
     * no persistence).
     *
     * @return the running instance
     */
    public static LocalDynamoDb start() {
        return builder().start();
    }

    /**
     * Returns a builder for a configured instance.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a client wired to this instance in-process: requests go through the real SDK
     * serialization and are handed to the engine without sockets. The client is shared and closed
     * by {@link #close()}.
     *
     * @return the in-process client
     */
    public DynamoDbClient client() {
        return clients().client();
    }

    /**
     * Returns a DynamoDB Streams client wired to this instance in-process, reading the streams of
     * tables created with a {@code StreamSpecification}. The client is shared and closed by {@link
     * #close()}. Over HTTP, a {@code DynamoDbStreamsClient} pointed at {@link #endpoint()} reaches
     * the same streams.
     *
     * @return the in-process streams client
     */
    public DynamoDbStreamsClient streamsClient() {
        return clients().streamsClient();
    }

    private synchronized InProcessClients clients() {
        if (clients == null) {
            clients = new InProcessClients(engine, region);
            if (closed) {
                clients.close();
            }
        }
        return clients;
    }

    /**
     * Returns the HTTP endpoint, starting the listener on 127.0.0.1 the first time this is called.
     * The listener speaks the DynamoDB JSON 1.0 protocol, so any DynamoDB SDK or tool can use it.
     *
     * @return the endpoint, such as {@code http://127.0.0.1:49152}
     * @throws UncheckedIOException if the port cannot be bound
     */
    public synchronized URI endpoint() {
        if (closed) {
            throw new IllegalStateException("LocalDynamoDb is closed");
        }
        if (listener == null) {
            try {
                listener = new HttpListener(engine, port, httpOptions);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not start the HTTP listener on port " + port, e);
            }
        }
        return listener.endpoint();
    }

    /**
     * Returns the region reported in ARNs and expected by clients.
     *
     * @return the region name
     */
    public String region() {
        return region;
    }

    /**
     * Returns the account id used in ARNs.
     *
     * @return the account id
     */
    public String accountId() {
        return accountId;
    }

    /**
     * Returns the faults currently injected.
     *
     * @return the current fault settings
     */
    public FaultInjection faults() {
        return faults;
    }

    /**
     * Replaces the injected faults; takes effect for the next request. The random source restarts
     * from the seed.
     *
     * @param faults the new settings, or {@link FaultInjection#none()}
     */
    public void faults(FaultInjection faults) {
        Objects.requireNonNull(faults, "faults");
        this.faults = faults;
        engine.faults(
                new FaultState(
                        faults.seed(),
                        faults.throttleRate(),
                        faults.unprocessedRate(),
                        faults.latency().toMillis(),
                        faults.transactionConflictRate()));
    }

    /**
     * Stops the listener, the TTL sweeper and the client, and snapshots the data directory if one
     * is used.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            listener.close();
        }
        sweeper.shutdownNow();
        if (clients != null) {
            clients.close();
        }
        if (wal != null) {
            wal.close();
        }
    }

    /** Builder for {@link LocalDynamoDb}. */
    public static final class Builder {
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private Path dataDirectory;
        private FaultInjection faults = FaultInjection.none();
        private int port;
        private Duration ttlSweepInterval = Duration.ofSeconds(1);
        private boolean recover;
        private final java.util.Set<String> allowedHosts = new java.util.LinkedHashSet<>();
        private final java.util.Map<String, String> signingKeys = new java.util.LinkedHashMap<>();
        private String cors = "*";
        private Duration streamShardPeriod = Duration.ofHours(4);
        private Duration streamRetention = Duration.ofHours(24);
        // null: StreamSettings' system clock (no method reference: see the SweeperThreads comment)
        private LongSupplier streamClock;

        private Builder() {}

        /**
         * Sets the region (default {@code us-east-1}).
         *
         * @param region region name
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Sets the account id used in ARNs (default {@code 000000000000}).
         *
         * @param accountId twelve-digit account id
         * @return this builder
         */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * Makes the instance durable: state is restored from this directory on start, every
         * acknowledged write is forced to a write-ahead log there, and a snapshot is written on
         * close.
         *
         * @param dataDirectory directory to use (created if missing)
         * @return this builder
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /**
         * Opens a damaged data directory anyway (default false): every log and snapshot record
         * whose checksum holds is kept, a copy of each damaged file is kept beside it with a {@code
         * .damaged-TIMESTAMP} suffix, and what was skipped is printed on standard error. Without
         * it, damage other than a torn last log record refuses to start with an error naming the
         * file, byte offset and record, and changes nothing on disk.
         *
         * @param recover whether to recover from damaged files
         * @return this builder
         */
        public Builder recover(boolean recover) {
            this.recover = recover;
            return this;
        }

        /**
         * Allows a host name in the {@code Host} header of HTTP requests besides the loopback names
         * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}); requests for other hosts are
         * refused with 403, so that a web page cannot reach the listener through DNS rebinding.
         *
         * @param host a host name, without port
         * @return this builder
         */
        public Builder allowHost(String host) {
            allowedHosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        /**
         * Makes the HTTP listener verify SigV4 signatures: requests must be signed with one of the
         * keys given this way (unknown keys get {@code UnrecognizedClientException}, wrong
         * signatures {@code InvalidSignatureException}). Without it (the default) only the presence
         * and shape of the {@code Authorization} header are checked, as DynamoDB Local does.
         *
         * @param accessKeyId the access key id
         * @param secretAccessKey its secret
         * @return this builder
         */
        public Builder requireSignature(String accessKeyId, String secretAccessKey) {
            signingKeys.put(
                    Objects.requireNonNull(accessKeyId, "accessKeyId"),
                    Objects.requireNonNull(secretAccessKey, "secretAccessKey"));
            return this;
        }

        /**
         * Sets the origins allowed by CORS on the HTTP listener: {@code *} (the default, as
         * DynamoDB Local), a comma-separated list of origins, or null for no CORS headers.
         *
         * @param origins allowed origins, or null
         * @return this builder
         */
        public Builder cors(String origins) {
            this.cors = origins;
            return this;
        }

        /**
         * Sets the faults to inject from the start (default none).
         *
         * @param faults fault settings
         * @return this builder
         */
        public Builder faults(FaultInjection faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * Sets the HTTP port used by {@link LocalDynamoDb#endpoint()}; 0 (the default) picks a free
         * port.
         *
         * @param port TCP port on 127.0.0.1
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets how often items past their time-to-live are deleted in the background (default one
         * second). Until the sweep deletes it, an expired item stays visible to reads, queries,
         * scans, conditions and updates, as in DynamoDB (which deletes expired items typically
         * within two days). Tests that need an expired item to stay put set a long interval and
         * delete with {@link LocalDynamoDb#sweepExpiredNow()} when they choose.
         *
         * @param interval sweep interval
         * @return this builder
         */
        public Builder ttlSweepInterval(Duration interval) {
            this.ttlSweepInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Sets the age at which a stream's open shard is closed and a child shard opened (default
         * four hours, about what DynamoDB does); tests that follow shard lineage can shorten it.
         *
         * @param period a positive duration
         * @return this builder
         */
        public Builder streamShardPeriod(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("streamShardPeriod must be positive: " + period);
            }
            this.streamShardPeriod = period;
            return this;
        }

        /**
         * Sets how long stream records are kept (default 24 hours, as DynamoDB); older records are
         * trimmed and reading them is a {@code TrimmedDataAccessException}.
         *
         * @param retention a positive duration
         * @return this builder
         */
        public Builder streamRetention(Duration retention) {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException(
                        "streamRetention must be positive: " + retention);
            }
            this.streamRetention = retention;
            return this;
        }

        /**
         * Sets the clock (epoch milliseconds) that stream shard roll-over, retention and record
         * timestamps follow; tests advance it instead of sleeping.
         *
         * @param clock current time in epoch milliseconds
         * @return this builder
         */
        Builder streamClock(LongSupplier clock) {
            this.streamClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Starts the instance.
         *
         * @return the running instance
         * @throws UncheckedIOException if the data directory cannot be read or written, is damaged
         *     (see {@link #recover(boolean)}) or is in use by another server
         */
        public LocalDynamoDb start() {
            try {
                return new LocalDynamoDb(this);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not open the data directory "
                                + dataDirectory
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }
}
