package dev.dynamorm.engine.internal.write;

import dev.dynamorm.BatchWriteIncompleteException;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * What happened to the writes requested between two flushes of a {@link DefaultAsyncBatchWriter}:
 * counted as they finish, reported by the flush that sealed it once all of them are finished.
 * Guarded by the writer's lock.
 */
final class WriterReport {

    private final CompletableFuture<BatchWriteResult<Object>> future = new CompletableFuture<>();
    private final List<Object> unwrittenPuts = new ArrayList<>();
    private final List<Key> unwrittenDeletes = new ArrayList<>();
    private final List<Object> unknownPuts = new ArrayList<>();
    private final List<Key> unknownDeletes = new ArrayList<>();
    private final List<BatchWriteIncompleteException> failures = new ArrayList<>();
    private int requested;
    private int finished;
    private int written;
    private double capacity;
    private boolean sealed;

    /** A write was requested (accepted or waiting for room). */
    void requested() {
        requested++;
    }

    /**
     * A write finished.
     *
     * @param failure its failure, or null when it was written
     */
    void finished(WriterWrite w, BatchWriteIncompleteException failure) {
        finished++;
        if (failure == null) {
            written++;
            return;
        }
        failures.add(failure);
        BatchWriteResult<?> r = failure.result();
        boolean unknown = !r.unknownPuts().isEmpty() || !r.unknownDeletes().isEmpty();
        if (w.put()) {
            (unknown ? unknownPuts : unwrittenPuts).add(w.source());
        } else {
            (unknown ? unknownDeletes : unwrittenDeletes).add((Key) w.source());
        }
    }

    /** Adds the capacity a call consumed. */
    void consumed(double units) {
        capacity += units;
    }

    /** A flush sealed it: no more writes come. */
    void seal() {
        sealed = true;
    }

    /** Whether sealed and every write finished. */
    boolean done() {
        return sealed && finished == requested;
    }

    /** The flush's future. */
    CompletableFuture<BatchWriteResult<Object>> future() {
        return future;
    }

    /** Completes the flush's future (outside the writer's lock). */
    void complete() {
        BatchWriteResult<Object> result =
                new BatchWriteResult<>(
                        written,
                        unwrittenPuts,
                        unwrittenDeletes,
                        capacity,
                        unknownPuts,
                        unknownDeletes);
        if (result.complete()) {
            future.complete(result);
            return;
        }
        int unwritten = unwrittenPuts.size() + unwrittenDeletes.size();
        BatchWriteIncompleteException e =
                new BatchWriteIncompleteException(
                        String.format(
                                Locale.ROOT,
                                "batch writer left %d of %d writes unwritten (%d puts, %d deletes) and %d of unknown"
                                        + " outcome (sent, answer lost: they may be stored); first: %s; the"
                                        + " exception lists them (each also as a suppressed exception naming its"
                                        + " table and key), everything else was written",
                                unwritten,
                                requested,
                                unwrittenPuts.size(),
                                unwrittenDeletes.size(),
                                unknownPuts.size() + unknownDeletes.size(),
                                failures.get(0).getMessage()),
                        modelOf(failures),
                        result,
                        failures.get(0).getCause());
        failures.forEach(e::addSuppressed);
        future.completeExceptionally(e);
    }

    /** The model of the failed writes when they are all of one, else null. */
    private static Class<?> modelOf(List<BatchWriteIncompleteException> failures) {
        Class<?> model = failures.get(0).modelType().orElse(null);
        for (BatchWriteIncompleteException f : failures) {
            if (f.modelType().orElse(null) != model) {
                return null;
            }
        }
        return model;
    }
}
