package dev.dynamorm.engine.internal.write;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.EngineContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The batch processor behind {@link AsyncBatchWriter}: the sync {@link DefaultBatchWriter}'s rules
 * without its threads. A write is prepared on the caller's thread ({@link WriterWrite}), accepted
 * while fewer than {@link BatchWriterOptions#capacity()} are pending or else parked (up to as many
 * again) until room frees; whoever changes the state (a call, a finished chunk, the flush timer)
 * forms BatchWriteItem calls of up to 25 writes with free keys when enough are queued, when the
 * oldest has waited the flush interval, when the buffered bytes pass the bound, or when a flush or
 * close asks, and starts up to {@link BatchWriterOptions#workers()} of them ({@link WriterChunk}).
 * A key with a write in flight is held back, so writes to one key apply in acceptance order and a
 * call never holds one key twice. Futures are completed outside the lock.
 */
public final class DefaultAsyncBatchWriter implements AsyncBatchWriter {

    /** One accepted write, queued or in flight. */
    private record Pending(WriterWrite write, WriterReport report, long acceptedNanos) {}

    /** One write waiting for room. */
    private record Waiting(
            WriterWrite write, WriterReport report, CompletableFuture<Void> future) {}

    private final Function<Class<?>, TableContext<?>> tables;
    private final BatchWriterOptions options;
    private final RetryPolicy policy;
    private final DynamoDbAsyncClient client;
    private final AsyncExecutor executor;
    private final Consumer<DefaultAsyncBatchWriter> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final Set<List<Object>> inFlight = new HashSet<>();
    private final ArrayDeque<WriterReport> sealed = new ArrayDeque<>();
    private WriterReport current = new WriterReport();
    private int accepted;
    private long queuedBytes;
    private int activeSends;
    private boolean timerArmed;
    private CompletableFuture<BatchWriteResult<Object>> closing;

    /**
     * A writer.
     *
     * @param tables the table of a model type (registering it on first use)
     * @param ctx the instance's engine context (the retry policy)
     * @param options the options
     * @param client the async client
     * @param executor the async executor (hooks, retries, continuations)
     * @param onClose told when the writer has closed and flushed
     */
    public DefaultAsyncBatchWriter(
            Function<Class<?>, TableContext<?>> tables,
            EngineContext ctx,
            BatchWriterOptions options,
            DynamoDbAsyncClient client,
            AsyncExecutor executor,
            Consumer<DefaultAsyncBatchWriter> onClose) {
        this.tables = tables;
        this.options = options;
        this.policy = options.retryPolicy().orElse(ctx.executor().retryPolicy());
        this.client = client;
        this.executor = executor;
        this.onClose = onClose;
    }

    @Override
    @SuppressWarnings("unchecked") // the table of an item's class holds items of that class
    public <T> CompletableFuture<Void> put(T item) {
        WriterWrite w;
        try {
            if (item == null) {
                throw WriterWrite.nullItem("put");
            }
            requireOpen();
            w = WriterWrite.put((TableContext<T>) tables.apply(item.getClass()), item, options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return offer(w);
    }

    @Override
    @SuppressWarnings("unchecked") // the table of an item's class holds items of that class
    public <T> CompletableFuture<Void> delete(T item) {
        WriterWrite w;
        try {
            if (item == null) {
                throw WriterWrite.nullItem("delete");
            }
            requireOpen();
            w = WriterWrite.delete((TableContext<T>) tables.apply(item.getClass()), item, options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return offer(w);
    }

    @Override
    public CompletableFuture<Void> delete(Class<?> modelType, Key key) {
        WriterWrite w;
        try {
            if (modelType == null) {
                throw WriterWrite.nullModel();
            }
            requireOpen();
            w = WriterWrite.delete(tables.apply(modelType), key, options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return offer(w);
    }

    private void requireOpen() {
        lock.lock();
        try {
            if (closing != null) {
                throw closed();
            }
        } finally {
            lock.unlock();
        }
    }

    private static IllegalStateException closed() {
        return new IllegalStateException(
                "this batch writer is closed: create a new one with db.async().batchWriter()");
    }

    private CompletableFuture<Void> offer(WriterWrite w) {
        List<List<Pending>> send;
        CompletableFuture<Void> future;
        lock.lock();
        try {
            if (closing != null) {
                return CompletableFuture.failedFuture(closed());
            }
            if (waiting.isEmpty() && accepted < options.capacity()) {
                accept(w, current);
                future = CompletableFuture.completedFuture(null);
            } else if (waiting.size() >= options.capacity()) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException(
                                String.format(
                                        Locale.ROOT,
                                        "the batch writer is full: %d writes pending and %d"
                                                + " waiting for room (BatchWriterOptions.capacity()"
                                                + " = %d); wait for the future of a put or delete"
                                                + " before the next one. The write was not accepted",
                                        accepted,
                                        waiting.size(),
                                        options.capacity())));
            } else {
                future = new CompletableFuture<>();
                waiting.add(new Waiting(w, current, future));
            }
            current.requested();
            send = dispatch();
        } finally {
            lock.unlock();
        }
        launch(send);
        return future;
    }

    /** Queues an accepted write. Holds the lock. */
    private void accept(WriterWrite w, WriterReport report) {
        queue.add(new Pending(w, report, System.nanoTime()));
        accepted++;
        queuedBytes += w.size();
    }

    @Override
    public CompletableFuture<BatchWriteResult<Object>> flush() {
        List<List<Pending>> send;
        List<WriterReport> done;
        CompletableFuture<BatchWriteResult<Object>> result;
        lock.lock();
        try {
            result = sealCurrent();
            done = ready();
            send = dispatch();
        } finally {
            lock.unlock();
        }
        done.forEach(WriterReport::complete);
        launch(send);
        return result;
    }

    /** Seals the open report; a new one collects later writes. Holds the lock. */
    private CompletableFuture<BatchWriteResult<Object>> sealCurrent() {
        WriterReport report = current;
        report.seal();
        sealed.add(report);
        current = new WriterReport();
        return report.future();
    }

    /** The sealed reports whose writes (and every earlier one's) are finished. Holds the lock. */
    private List<WriterReport> ready() {
        List<WriterReport> done = new ArrayList<>(1);
        while (!sealed.isEmpty() && sealed.peekFirst().done()) {
            done.add(sealed.pollFirst());
        }
        return done;
    }

    @Override
    public int pending() {
        lock.lock();
        try {
            return accepted + waiting.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletableFuture<BatchWriteResult<Object>> close() {
        CompletableFuture<BatchWriteResult<Object>> flushed;
        lock.lock();
        try {
            if (closing != null) {
                return closing;
            }
            closing = new CompletableFuture<>();
            flushed = closing;
        } finally {
            lock.unlock();
        }
        CompletableFuture<?> unused =
                flush().whenComplete(
                                (result, failure) -> {
                                    onClose.accept(this);
                                    if (failure != null) {
                                        flushed.completeExceptionally(failure);
                                    } else {
                                        flushed.complete(result);
                                    }
                                });
        return flushed;
    }

    // ---- dispatch ----

    /**
     * Takes the calls that are due, up to the free workers, and arms the flush timer when writes
     * wait for it. Holds the lock.
     */
    private List<List<Pending>> dispatch() {
        List<List<Pending>> send = List.of();
        while (!queue.isEmpty() && activeSends < options.workers()) {
            long age = System.nanoTime() - queue.peekFirst().acceptedNanos();
            long interval = options.flushInterval().toNanos();
            boolean due =
                    queue.size() >= options.maxBatchSize()
                            || queuedBytes >= options.maxBufferedBytes()
                            || !sealed.isEmpty()
                            || closing != null
                            || age >= interval;
            if (!due) {
                armTimer(interval - age);
                break;
            }
            List<Pending> batch = take();
            if (batch.isEmpty()) {
                break; // every queued key is in flight: a finished call dispatches again
            }
            activeSends++;
            if (send.isEmpty()) {
                send = new ArrayList<>(2);
            }
            send.add(batch);
        }
        return send;
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
            List<Object> id = p.write().id();
            if (!held.add(id) || inFlight.contains(id)) {
                continue;
            }
            // one request sends the writes of one captured group (e.g. of one tenant): its hooks
            // start with what was captured when they were accepted
            Map<String, Object> carried = p.write().carried();
            if (group == null) {
                group = carried;
            } else if (!group.equals(carried)) {
                continue;
            }
            inFlight.add(id);
            queuedBytes -= p.write().size();
            batch.add(p);
            it.remove();
        }
        return batch;
    }

    /**
     * Dispatches again once the oldest queued write is due; a timer, never a sleeping thread. If
     * the async executor refuses the timer's hand-off, {@link #timerRefused} runs instead.
     */
    private void armTimer(long nanos) {
        if (timerArmed) {
            return;
        }
        timerArmed = true;
        executor.afterDelayOrElse(Duration.ofNanos(nanos), this::timer, this::timerRefused);
    }

    /**
     * The async executor refused the flush timer's hand-off (shut down, or saturated), on the JDK's
     * timer thread: the writes the timer would have sent (and, as their calls would have ended at
     * once, the ones due after them) fail unsent, reported by the flush that covers them like any
     * failed write, and the timer may be armed again for the writes not yet due. Left queued, they
     * would wait for a flush with no timer to send them (a shut-down executor refuses every later
     * hand-off too); sent from here, hooks and the SDK call would run on the JDK's timer thread.
     */
    private void timerRefused(RuntimeException rejected) {
        DynamoServiceException cause =
                new DynamoServiceException(
                        "the batch writer's flush timer could not hand the writes due to the async"
                                + " executor, which refused it: "
                                + rejected,
                        Operation.BATCH_WRITE,
                        null,
                        true,
                        rejected);
        String reason = "was not sent: " + cause.getMessage();
        List<CompletableFuture<Void>> admitted = new ArrayList<>();
        List<WriterReport> done;
        lock.lock();
        try {
            timerArmed = false;
            for (List<List<Pending>> due = dispatch(); !due.isEmpty(); due = dispatch()) {
                for (List<Pending> batch : due) {
                    finished(batch, w -> w.unwritten(reason, cause), admitted);
                }
            }
            done = ready();
        } finally {
            lock.unlock();
        }
        admitted.forEach(f -> f.complete(null));
        done.forEach(WriterReport::complete);
    }

    private void timer() {
        List<List<Pending>> send;
        lock.lock();
        try {
            timerArmed = false;
            send = dispatch();
        } finally {
            lock.unlock();
        }
        launch(send);
    }

    /** Starts the calls (outside the lock). */
    private void launch(List<List<Pending>> send) {
        for (List<Pending> batch : send) {
            List<WriterWrite> writes = new ArrayList<>(batch.size());
            batch.forEach(p -> writes.add(p.write()));
            WriterChunk chunk = new WriterChunk(executor, client, policy, writes);
            CompletableFuture<?> unused = chunk.send().whenComplete((ok, t) -> ended(batch, chunk));
        }
    }

    /** A call ended: records its writes, frees their keys and room, and dispatches again. */
    private void ended(List<Pending> batch, WriterChunk chunk) {
        List<CompletableFuture<Void>> admitted = new ArrayList<>();
        List<WriterReport> done;
        List<List<Pending>> send;
        lock.lock();
        try {
            batch.get(0).report().consumed(chunk.consumedCapacity());
            finished(batch, chunk::failureOf, admitted);
            done = ready();
            send = dispatch();
        } finally {
            lock.unlock();
        }
        admitted.forEach(f -> f.complete(null));
        done.forEach(WriterReport::complete);
        launch(send);
    }

    /**
     * Records the writes of a call as finished, frees their keys, its worker and their room, and
     * accepts waiting writes into the room (their futures to complete outside the lock). Holds the
     * lock.
     *
     * @param failureOf the failure of a write, or null when it was written
     */
    private void finished(
            List<Pending> batch,
            Function<WriterWrite, BatchWriteIncompleteException> failureOf,
            List<CompletableFuture<Void>> admitted) {
        for (Pending p : batch) {
            p.report().finished(p.write(), failureOf.apply(p.write()));
            inFlight.remove(p.write().id());
            accepted--;
        }
        activeSends--;
        while (!waiting.isEmpty() && accepted < options.capacity()) {
            Waiting w = waiting.pollFirst();
            accept(w.write(), w.report());
            admitted.add(w.future());
        }
    }
}
