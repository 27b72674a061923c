package dev.dynamorm.engine.internal.write;

import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.plugin.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The batch processor behind {@link BatchWriter}: producers enqueue prepared writes (blocking when
 * {@link BatchWriterOptions#capacity()} writes are pending); a dispatcher thread forms
 * BatchWriteItem calls of up to 25 writes when enough are queued, when the oldest has waited the
 * flush interval, when the buffered bytes pass the bound, or when a flush or close asks; up to
 * {@link BatchWriterOptions#workers()} sender threads send them and retry unprocessed items under
 * the retry policy, completing each write's future. A key with a write in flight is held back, so
 * writes to one key apply in acceptance order and a call never holds one key twice.
 */
public final class DefaultBatchWriter implements BatchWriter {

    /** One accepted write. */
    private record Pending(
            long seq, WriterWrite write, CompletableFuture<Void> future, long acceptedNanos) {
        List<Object> id() {
            return write.id();
        }

        TableContext<?> table() {
            return write.table();
        }

        WriteRequest request() {
            return write.request();
        }

        long size() {
            return write.size();
        }

        boolean keepCreatedAt() {
            return write.keepCreatedAt();
        }
    }

    private final Function<Class<?>, TableContext<?>> tables;
    private final EngineContext ctx;
    private final BatchWriterOptions options;
    private final RetryPolicy policy;
    private final Consumer<DefaultBatchWriter> onClose;
    private final Semaphore capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Set<List<Object>> inFlight = new HashSet<>();
    private final TreeSet<Long> outstanding = new TreeSet<>();
    private final Thread dispatcher;
    private final ExecutorService senders;
    private long nextSeq;
    private long queuedBytes;
    private int flushRequests;
    private int activeSends;
    private boolean closed;

    public DefaultBatchWriter(
            Function<Class<?>, TableContext<?>> tables,
            EngineContext ctx,
            BatchWriterOptions options,
            Consumer<DefaultBatchWriter> onClose) {
        this.tables = tables;
        this.ctx = ctx;
        this.options = options;
        this.policy = options.retryPolicy().orElse(ctx.executor().retryPolicy());
        this.onClose = onClose;
        this.capacity = new Semaphore(options.capacity());
        AtomicInteger n = new AtomicInteger();
        this.senders =
                Executors.newFixedThreadPool(
                        options.workers(),
                        r -> {
                            Thread t =
                                    new Thread(
                                            r, "dynamorm-batch-writer-send-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.dispatcher = new Thread(this::dispatch, "dynamorm-batch-writer");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public <T> CompletableFuture<Void> put(T item) {
        return enqueue(WriterWrite.put(tableOf(item, "put"), item, options));
    }

    @Override
    public <T> CompletableFuture<Void> delete(T item) {
        return enqueue(WriterWrite.delete(tableOf(item, "delete"), item, options));
    }

    @Override
    public CompletableFuture<Void> delete(Class<?> modelType, Key key) {
        if (modelType == null) {
            throw WriterWrite.nullModel();
        }
        return enqueue(WriterWrite.delete(tables.apply(modelType), key, options));
    }

    @SuppressWarnings("unchecked")
    private <T> TableContext<T> tableOf(T item, String action) {
        if (item == null) {
            throw WriterWrite.nullItem(action);
        }
        requireOpen();
        return (TableContext<T>) tables.apply(item.getClass());
    }

    private void requireOpen() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(
                        "this batch writer is closed: create a new one with db.batchWriter()");
            }
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<Void> enqueue(WriterWrite write) {
        try {
            capacity.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(
                    new DynamoServiceException(
                            "interrupted while waiting for room in "
                                    + "the batch writer: the write was not accepted",
                            Operation.BATCH_WRITE,
                            write.table().modelType(),
                            true,
                            e));
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                capacity.release();
                throw new IllegalStateException(
                        "this batch writer is closed: create a new one with db.batchWriter()");
            }
            long seq = nextSeq++;
            queue.add(new Pending(seq, write, future, System.nanoTime()));
            outstanding.add(seq);
            queuedBytes += write.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return future;
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            long target = nextSeq - 1;
            flushRequests++;
            changed.signalAll();
            try {
                while (!outstanding.isEmpty() && outstanding.first() <= target) {
                    changed.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DynamoServiceException(
                        "interrupted while flushing the batch writer; accepted writes are "
                                + "still being sent",
                        Operation.BATCH_WRITE,
                        null,
                        true,
                        e);
            } finally {
                flushRequests--;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int pending() {
        lock.lock();
        try {
            return outstanding.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (true) {
            try {
                dispatcher.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        senders.shutdown();
        try {
            senders.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        onClose.accept(this);
    }

    // ---- dispatcher ----

    private void dispatch() {
        lock.lock();
        try {
            while (true) {
                if (closed && queue.isEmpty() && activeSends == 0) {
                    changed.signalAll();
                    return;
                }
                long waitNanos = Long.MAX_VALUE;
                if (!queue.isEmpty() && activeSends < options.workers()) {
                    long age = System.nanoTime() - queue.peekFirst().acceptedNanos();
                    long interval = options.flushInterval().toNanos();
                    boolean due =
                            queue.size() >= options.maxBatchSize()
                                    || queuedBytes >= options.maxBufferedBytes()
                                    || flushRequests > 0
                                    || closed
                                    || age >= interval;
                    if (due) {
                        List<Pending> batch = take();
                        if (!batch.isEmpty()) {
                            activeSends++;
                            senders.execute(() -> send(batch));
                            continue;
                        }
                    } else {
                        waitNanos = interval - age;
                    }
                }
                try {
                    if (waitNanos == Long.MAX_VALUE) {
                        changed.await();
                    } else {
                        changed.awaitNanos(waitNanos);
                    }
                } catch (InterruptedException e) {
                    // the dispatcher stops only through close(), after every accepted write is
                    // finished
                    Thread.interrupted();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes up to a batch of writes whose keys are free, keeping each key's order, all with the
     * attributes captured for the first one ({@link WriterWrite#carried()}). Holds the lock.
     */
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(options.maxBatchSize());
        Set<List<Object>> held = new HashSet<>();
        Map<String, Object> group = null;
        Iterator<Pending> it = queue.iterator();
        while (it.hasNext() && batch.size() < options.maxBatchSize()) {
            Pending p = it.next();
            if (inFlight.contains(p.id()) || held.contains(p.id())) {
                held.add(p.id());
                continue;
            }
            // one request sends the writes of one captured group (e.g. of one tenant): its hooks
            // start with what was captured when they were accepted
            Map<String, Object> carried = p.write().carried();
            if (group == null) {
                group = carried;
            } else if (!group.equals(carried)) {
                held.add(p.id());
                continue;
            }
            held.add(p.id());
            inFlight.add(p.id());
            queuedBytes -= p.size();
            batch.add(p);
            it.remove();
        }
        return batch;
    }

    // ---- senders ----

    private void send(List<Pending> batch) {
        try {
            long start = System.nanoTime();
            List<Pending> pending = keepCreatedAt(batch, start);
            int attempts = 0;
            // once an attempt's answer is lost, what is still pending may have been applied by it
            AtomicBoolean lost = new AtomicBoolean();
            // every write of the batch was captured with the same attributes (take())
            Event previous = batch.get(0).write().origin();
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> items = new LinkedHashMap<>();
                Map<String, TableContext<?>> byName = new HashMap<>();
                Map<List<Object>, Pending> byId = new HashMap<>();
                for (Pending p : pending) {
                    items.computeIfAbsent(p.table().tableName(), t -> new ArrayList<>())
                            .add(p.request());
                    byName.put(p.table().tableName(), p.table());
                    byId.put(p.id(), p);
                }
                BatchWriteItemRequest request =
                        BatchWriteItemRequest.builder().requestItems(items).build();
                BatchWriteItemResponse response;
                Event event = Event.multiTable(Operation.BATCH_WRITE).follow(previous);
                previous = event;
                try {
                    response =
                            ctx.executor()
                                    .run(
                                            event,
                                            request,
                                            r -> {
                                                try {
                                                    return ctx.client().batchWriteItem(r);
                                                } catch (SdkException e) {
                                                    if (ErrorMapper.ambiguous(e)) {
                                                        lost.set(true);
                                                    }
                                                    throw e;
                                                }
                                            },
                                            e ->
                                                    ErrorMapper.map(
                                                            e,
                                                            Operation.BATCH_WRITE,
                                                            null,
                                                            null,
                                                            null),
                                            policy);
                } catch (DynamORMException e) {
                    int tried = attempts + 1;
                    pending.forEach(
                            p ->
                                    p.future()
                                            .completeExceptionally(
                                                    lost.get() ? unknown(p, tried, e) : e));
                    return;
                }
                List<Pending> next = new ArrayList<>();
                Set<Pending> left = new HashSet<>();
                if (response.hasUnprocessedItems()) {
                    response.unprocessedItems()
                            .forEach(
                                    (tableName, requests) -> {
                                        TableContext<?> table = byName.get(tableName);
                                        for (WriteRequest r : requests) {
                                            Pending p =
                                                    table == null
                                                            ? null
                                                            : byId.get(WriterWrite.idOf(table, r));
                                            if (p != null && left.add(p)) {
                                                next.add(p);
                                            }
                                        }
                                    });
                }
                for (Pending p : pending) {
                    if (!left.contains(p)) {
                        p.future().complete(null);
                    }
                }
                pending = next;
                if (!pending.isEmpty()) {
                    attempts++;
                    AtomicReference<DynamORMException> failure = new AtomicReference<>();
                    if (!BatchSupport.backoff(
                            policy,
                            attempts,
                            start,
                            pending.size(),
                            Operation.BATCH_WRITE,
                            failure)) {
                        for (Pending p : pending) {
                            p.future()
                                    .completeExceptionally(
                                            lost.get()
                                                    ? unknown(p, attempts, failure.get())
                                                    : incomplete(
                                                            p,
                                                            "was still unprocessed after "
                                                                    + attempts
                                                                    + " attempts: the retry"
                                                                    + " budget ran out",
                                                            failure.get()));
                        }
                        return;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.future().completeExceptionally(e));
            throw e;
        } finally {
            lock.lock();
            try {
                for (Pending p : batch) {
                    inFlight.remove(p.id());
                    outstanding.remove(p.seq());
                }
                activeSends--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            capacity.release(batch.size());
        }
    }

    /**
     * The writes of a call to send: the puts of instances without {@code @CreatedAt} carry the
     * stored creation time over, read first (best effort: see {@link StoredCreationReads}); a put
     * whose read did not complete fails, unsent.
     */
    private List<Pending> keepCreatedAt(List<Pending> batch, long start) {
        StoredCreationReads reads =
                new StoredCreationReads(policy, start, batch.get(0).write().origin());
        batch.stream().filter(Pending::keepCreatedAt).forEach(p -> reads.add(p.table(), keyOf(p)));
        if (reads.isEmpty()) {
            return batch;
        }
        for (List<StoredCreationReads.Wanted> chunk : reads.chunks()) {
            UnprocessedRetry.send(ctx.executor(), reads, chunk, r -> ctx.client().batchGetItem(r));
        }
        List<Pending> send = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Map<String, AttributeValue> item =
                    p.keepCreatedAt() ? new HashMap<>(p.request().putRequest().item()) : null;
            if (item == null) {
                send.add(p);
            } else if (reads.carryOver(p.table(), keyOf(p), item)) {
                send.add(
                        new Pending(
                                p.seq(), p.write().withItem(item), p.future(), p.acceptedNanos()));
            } else {
                DynamORMException why = reads.whyUnsent(1);
                p.future()
                        .completeExceptionally(
                                incomplete(p, "was not sent: " + why.getMessage(), why));
            }
        }
        return send;
    }

    private static BatchWriteIncompleteException incomplete(
            Pending p, String reason, DynamORMException cause) {
        return p.write().unwritten(reason, cause);
    }

    private static BatchWriteIncompleteException unknown(
            Pending p, int attempts, DynamORMException cause) {
        return p.write().unknown(attempts, cause);
    }

    private static Map<String, AttributeValue> keyOf(Pending p) {
        return p.write().key();
    }
}
