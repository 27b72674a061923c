package dev.dynamorm.streams;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Operation;
import dev.dynamorm.Table;
import dev.dynamorm.streams.internal.ShardLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The {@link StreamConsumer}: rounds of discovery, lease taking and one batch per held shard. */
final class DefaultStreamConsumer<T> implements StreamConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);

    /** A held shard: its lease as last written and where reading continues. */
    private static final class Held {
        final Shard shard;
        final boolean parentRead;
        volatile ShardLease lease;
        volatile String iterator;

        Held(Shard shard, ShardLease lease, boolean parentRead) {
            this.shard = shard;
            this.lease = lease;
            this.parentRead = parentRead;
        }
    }

    /** What one round did. */
    private record Round(int handled, int progress) {}

    /** The attributes hooks see on each handler call ({@link Operation#STREAM_READ}). */
    static final String SHARD = "dynamorm.stream.shard";

    static final String RECORDS = "dynamorm.stream.records";
    static final String ATTEMPT = "dynamorm.stream.attempt";
    static final String ITERATOR_AGE = "dynamorm.stream.iterator_age_ms";

    private final DynamORM db;
    private final Class<T> modelType;
    private final ConsumerStatistics statistics;
    private final DynamoDbStreamsClient streams;
    private final ChangeDecoder<T> decoder;
    private final ChangeHandler<T> handler;
    private final LeaseTable leases;
    private final String streamArn;
    private final String workerId;
    private final StartPosition startPosition;
    private final int batchSize;
    private final int handlerAttempts;
    private final Duration retryBackoff;
    private final Duration leaseDuration;
    private final Duration pollInterval;
    private final Duration discoveryInterval;
    private final ExecutorService workers;
    private final Object roundLock = new Object();
    private final Map<String, Held> owned = new ConcurrentHashMap<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile List<Shard> shards = List.of();
    private volatile long nextDiscovery;
    private volatile boolean closed;
    private Thread poller;

    DefaultStreamConsumer(StreamConsumer.Builder<T> b) {
        Table<T> table = b.db.table(b.modelType);
        this.db = b.db;
        this.modelType = b.modelType;
        this.statistics = new ConsumerStatistics(b.clock);
        this.streams = b.streamsClient;
        this.decoder = ChangeDecoder.of(table);
        this.handler = b.handler;
        this.streamArn = b.streamArn != null ? b.streamArn : latestStream(table);
        this.workerId = b.workerId;
        this.startPosition = b.startPosition;
        this.batchSize = b.batchSize;
        this.handlerAttempts = b.handlerAttempts;
        this.retryBackoff = b.retryBackoff;
        this.leaseDuration = b.leaseDuration;
        this.pollInterval = b.pollInterval;
        this.discoveryInterval = b.discoveryInterval;
        Table<ShardLease> checkpoints = b.db.table(ShardLease.class);
        if (b.createCheckpointTable) {
            checkpoints.createTableIfMissing();
        }
        this.leases = new LeaseTable(checkpoints, b.group, streamArn, b.clock);
        this.workers =
                b.parallelism == 1
                        ? null
                        : Executors.newFixedThreadPool(
                                b.parallelism,
                                r -> {
                                    Thread t = new Thread(r, "dynamorm-stream-shard");
                                    t.setDaemon(true);
                                    return t;
                                });
        statistics.publish(
                b.db,
                Map.of("model", b.modelType.getSimpleName(), "group", b.group, "worker", workerId),
                owned::size,
                failures::size);
    }

    private static String latestStream(Table<?> table) {
        var description = table.describeTable();
        String arn = description.latestStreamArn();
        if (arn == null || arn.isEmpty()) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "table '%s' has no stream: enable one (StreamSpecification with"
                                    + " StreamEnabled=true) or give streamArn(...)",
                            description.tableName()));
        }
        return arn;
    }

    @Override
    public synchronized void start() {
        if (closed || poller != null) {
            throw new IllegalStateException(closed ? "consumer is closed" : "already started");
        }
        poller = new Thread(this::pollLoop, "dynamorm-stream-" + workerId);
        poller.setDaemon(true);
        poller.start();
    }

    private void pollLoop() {
        while (!closed) {
            int handled = 0;
            try {
                synchronized (roundLock) {
                    if (!closed) {
                        handled = round(null).handled();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("stream consumer {} round failed; retrying: {}", workerId, e.toString());
            }
            if (handled == 0) {
                try {
                    if (stopped.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public int pollOnce() {
        checkForeground();
        synchronized (roundLock) {
            return round(null).handled();
        }
    }

    @Override
    public int drain() {
        checkForeground();
        int total = 0;
        synchronized (roundLock) {
            discover();
            // the changes written so far are in the shards there are now: shards opened since
            // (empty ones roll over on a short shard period) keep the drain going only with changes
            Set<String> counted = new HashSet<>();
            for (Shard s : shards) {
                counted.add(s.shardId());
            }
            Round r;
            do {
                r = round(counted);
                total += r.handled();
            } while (r.progress() > 0 && !closed);
        }
        return total;
    }

    private synchronized void checkForeground() {
        if (closed) {
            throw new IllegalStateException("consumer is closed");
        }
        if (poller != null) {
            throw new IllegalStateException("consumer is started: its background thread polls");
        }
    }

    /**
     * One round; its progress counts the changes handled and the shards taken or let go, of those
     * in {@code counted} (all when null).
     */
    private Round round(Set<String> counted) {
        if (leases.now() >= nextDiscovery) {
            discover();
        }
        int progress = 0;
        for (String id : acquire()) {
            if (counted == null || counted.contains(id)) {
                progress++;
            }
        }
        List<Held> held = new ArrayList<>(owned.values());
        int handled = 0;
        if (workers == null || held.size() <= 1) {
            for (Held h : held) {
                handled += process(h);
            }
        } else {
            List<Future<Integer>> results = new ArrayList<>();
            for (Held h : held) {
                results.add(workers.submit(() -> process(h)));
            }
            for (Future<Integer> f : results) {
                handled += join(f);
            }
        }
        progress += handled;
        for (Held h : held) {
            String id = h.shard.shardId();
            if (!owned.containsKey(id) && (counted == null || counted.contains(id))) {
                progress++;
            }
        }
        return new Round(handled, progress);
    }

    private static int join(Future<Integer> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void discover() {
        List<Shard> all = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            DescribeStreamResponse r =
                    streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from));
            all.addAll(r.streamDescription().shards());
            start = r.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        shards = List.copyOf(all);
        nextDiscovery = leases.now() + discoveryInterval.toMillis();
    }

    /** Takes the leases of shards that are free and ready; returns the ids of those it took. */
    private List<String> acquire() {
        List<Shard> known = shards;
        Set<String> ids = new HashSet<>();
        for (Shard s : known) {
            ids.add(s.shardId());
        }
        Map<String, ShardLease> rows = null;
        List<String> taken = new ArrayList<>();
        long now = leases.now();
        for (Shard shard : known) {
            String id = shard.shardId();
            if (owned.containsKey(id) || failures.containsKey(id)) {
                continue;
            }
            if (rows == null) {
                rows = leases.all();
            }
            ShardLease row = rows.get(id);
            if (row != null
                    && (row.finished()
                            || (row.owner() != null
                                    && !row.owner().equals(workerId)
                                    && row.leaseUntil() > now))) {
                continue;
            }
            String parent = shard.parentShardId();
            ShardLease parentRow = parent == null ? null : rows.get(parent);
            if (parent != null
                    && ids.contains(parent)
                    && (parentRow == null || !parentRow.finished())) {
                continue; // the parent's changes come first
            }
            var lease = leases.acquire(id, workerId, leaseDuration);
            if (lease.isPresent()) {
                owned.put(id, new Held(shard, lease.get(), parentRow != null));
                taken.add(id);
                LOG.debug("stream consumer {} took shard {}", workerId, id);
            }
        }
        return taken;
    }

    /** Reads and handles one batch of a held shard; returns the number of changes handled. */
    private int process(Held h) {
        String id = h.shard.shardId();
        if (closed) {
            return 0;
        }
        try {
            long now = leases.now();
            if (h.lease.leaseUntil() - now < leaseDuration.toMillis() / 2) {
                h.lease = leases.write(h.lease.withOwner(workerId, now + leaseDuration.toMillis()));
            }
            if (h.iterator == null) {
                h.iterator = iterator(h);
            }
            String it = h.iterator;
            GetRecordsResponse page;
            try {
                page = streams.getRecords(b -> b.shardIterator(it).limit(batchSize));
            } catch (ExpiredIteratorException e) {
                h.iterator = null;
                return 0;
            }
            List<Record> records = page.records();
            statistics.read(id, records);
            if (!records.isEmpty()) {
                List<ChangeEvent<T>> changes;
                try {
                    changes = decoder.decodeAll(records);
                } catch (RuntimeException e) {
                    stop(id, e, "a record could not be decoded");
                    return 0;
                }
                // a batch of only other family members' items is checkpointed without a call
                if (!changes.isEmpty() && !handle(id, changes)) {
                    return 0;
                }
                statistics.handled(id, records);
                String last = records.get(records.size() - 1).dynamodb().sequenceNumber();
                h.lease =
                        leases.write(
                                h.lease
                                        .withCheckpoint(last)
                                        .withOwner(
                                                workerId, leases.now() + leaseDuration.toMillis()));
            }
            h.iterator = page.nextShardIterator();
            if (h.iterator == null) {
                h.lease = leases.write(h.lease.asFinished());
                owned.remove(id);
                statistics.forget(id);
                nextDiscovery = 0;
                LOG.debug("stream consumer {} finished shard {}", workerId, id);
            }
            return records.size();
        } catch (ConditionFailedException lost) {
            owned.remove(id);
            statistics.forget(id);
            LOG.info("stream consumer {} lost the lease of shard {}", workerId, id);
            return 0;
        }
    }

    private String iterator(Held h) {
        String checkpoint = h.lease.checkpoint();
        String shardId = h.shard.shardId();
        if (checkpoint != null) {
            try {
                return streams.getShardIterator(
                                b ->
                                        b.streamArn(streamArn)
                                                .shardId(shardId)
                                                .shardIteratorType(
                                                        ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                                .sequenceNumber(checkpoint))
                        .shardIterator();
            } catch (TrimmedDataAccessException e) {
                LOG.warn(
                        "stream consumer {}: checkpoint {} of shard {} is trimmed; changes after"
                                + " it and before the trim horizon are lost",
                        workerId,
                        checkpoint,
                        shardId);
            }
        }
        ShardIteratorType type =
                checkpoint == null && startPosition == StartPosition.LATEST && !h.parentRead
                        ? ShardIteratorType.LATEST
                        : ShardIteratorType.TRIM_HORIZON;
        return streams.getShardIterator(
                        b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    /** Hands a batch to the handler, retrying; false when it kept failing and the shard stopped. */
    private boolean handle(String shardId, List<ChangeEvent<T>> changes) {
        long pause = retryBackoff.toMillis();
        Exception last = null;
        for (int attempt = 1; attempt <= handlerAttempts; attempt++) {
            try {
                observe(shardId, changes, attempt);
                return true;
            } catch (Exception e) {
                last = e;
                LOG.warn(
                        "stream consumer {}: handler failed on shard {} (attempt {} of {}): {}",
                        workerId,
                        shardId,
                        attempt,
                        handlerAttempts,
                        e.toString());
                if (attempt < handlerAttempts && !sleep(pause)) {
                    break;
                }
                pause *= 2;
            }
        }
        stop(shardId, last, "the handler kept failing");
        return false;
    }

    /**
     * Calls the handler as a {@link Operation#STREAM_READ} the installed hooks see: the tracing
     * plugin's span covers it (and the requests it sends), the metrics plugin times it.
     */
    private void observe(String shardId, List<ChangeEvent<T>> changes, int attempt)
            throws Exception {
        Map<String, Object> attributes =
                Map.of(
                        SHARD,
                        shardId,
                        RECORDS,
                        (long) changes.size(),
                        ATTEMPT,
                        (long) attempt,
                        ITERATOR_AGE,
                        statistics.iteratorAge(shardId));
        try {
            db.observe(
                    Operation.STREAM_READ,
                    modelType,
                    attributes,
                    () -> {
                        try {
                            handler.handle(changes);
                            return null;
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new HandlerFailedException(e);
                        }
                    });
        } catch (HandlerFailedException e) {
            throw (Exception) e.getCause();
        }
    }

    /** Carries a handler's checked exception through {@link DynamORM#observe}. */
    private static final class HandlerFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailedException(Exception cause) {
            super(cause.toString(), cause);
        }
    }

    private void stop(String shardId, Throwable failure, String why) {
        failures.put(shardId, failure);
        owned.remove(shardId);
        statistics.forget(shardId);
        LOG.error(
                "stream consumer {} stopped shard {}: {}; its lease expires for another consumer"
                        + " to retry",
                workerId,
                shardId,
                why,
                failure);
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Set<String> ownedShards() {
        return Set.copyOf(owned.keySet());
    }

    @Override
    public Map<String, String> checkpoints() {
        Map<String, String> out = new LinkedHashMap<>();
        leases.all()
                .forEach(
                        (shard, lease) -> {
                            if (lease.checkpoint() != null) {
                                out.put(shard, lease.checkpoint());
                            }
                        });
        return out;
    }

    @Override
    public Map<String, Throwable> failures() {
        return Map.copyOf(failures);
    }

    @Override
    public void close() {
        Thread background;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            background = poller;
        }
        stopped.countDown();
        if (background != null) {
            try {
                background.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (roundLock) {
            for (Held h : owned.values()) {
                statistics.forget(h.shard.shardId());
                try {
                    leases.write(h.lease.withOwner(null, 0));
                } catch (RuntimeException e) {
                    LOG.debug(
                            "stream consumer {} could not free shard {}: {}",
                            workerId,
                            h.shard.shardId(),
                            e.toString());
                }
            }
            owned.clear();
        }
        if (workers != null) {
            workers.shutdown();
        }
    }
}
