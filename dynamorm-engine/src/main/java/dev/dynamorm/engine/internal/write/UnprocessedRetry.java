package dev.dynamorm.engine.internal.write;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import dev.dynamorm.engine.internal.client.Executor;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import dev.dynamorm.engine.internal.plugin.Event;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * The loop every batch call of one chunk runs (batch gets, batch writes, the reads of stored
 * creation times), sync or async: send the pending elements, take in the answer, and send what it
 * left unprocessed again after the retry policy's backoff, until nothing is left, the budget is
 * spent, or a call fails for good.
 */
final class UnprocessedRetry {

    private UnprocessedRetry() {}

    /**
     * One batch whose chunks are sent through this loop.
     *
     * @param <P> a pending element (a key or a write)
     * @param <Q> the request
     * @param <R> the response
     */
    interface Batch<P, Q extends DynamoDbRequest, R> {

        /** The operation, for the backoff's throttling failure. */
        Operation operation();

        /** The event of one call. */
        Event event();

        /** The request sending the pending elements. */
        Q request(List<P> pending);

        /** Maps an SDK failure of a call. */
        DynamORMException map(SdkException e);

        /** The retry policy of the calls and of unprocessed elements. */
        RetryPolicy policy();

        /** When the batch started, for the policy's elapsed-time budget. */
        long start();

        /**
         * Takes in the answer to the pending elements.
         *
         * @return the elements it left unprocessed, to be sent again
         */
        List<P> answered(List<P> pending, R response);

        /**
         * A call failed for good.
         *
         * @param lost whether an attempt's answer was lost (it may have applied them)
         */
        void failed(List<P> pending, DynamORMException e, boolean lost);

        /**
         * The budget ran out with elements still unprocessed.
         *
         * @param lost whether an attempt's answer was lost (it may have applied them)
         */
        void left(List<P> pending, boolean lost);

        /** Where a failure that ends the batch is recorded (the first one wins). */
        AtomicReference<DynamORMException> failure();

        /**
         * The async executor refused a hand-off of this chunk's loop (shut down, saturated): the
         * loop ends, its future failing with {@code rejected}. By default nothing is recorded and
         * the sender handles the failure for the whole chunk (the async batch writer does); a batch
         * that reports element by element records {@code pending} here.
         *
         * @param pending the elements still pending
         * @param rejected the executor's refusal
         * @param sent whether they may have been applied: a request carrying them was sent and its
         *     answer dropped by the refusal, or an earlier attempt's answer was lost; false when
         *     DynamoDB answered them unprocessed and the resend was refused
         */
        default void refused(List<P> pending, RejectedExecutionException rejected, boolean sent) {}
    }

    /**
     * The failure recorded for elements a refused hand-off left: the sync batch's exception type
     * for a call that failed, with the refusal as its cause.
     */
    static DynamORMException refusal(
            Operation operation, Class<?> modelType, RejectedExecutionException rejected) {
        return new DynamoServiceException(
                "the async executor refused to run the batch's next step (shut down or saturated): "
                        + rejected,
                operation,
                modelType,
                true,
                rejected);
    }

    /** Sends one chunk on the calling thread until it is done. */
    static <P, Q extends DynamoDbRequest, R> void send(
            Executor executor, Batch<P, Q, R> batch, List<P> chunk, Function<Q, R> call) {
        List<P> pending = chunk;
        int attempts = 0;
        // once an attempt's answer is lost, what is still pending may have been applied by it
        AtomicBoolean lost = new AtomicBoolean();
        Event previous = null;
        while (!pending.isEmpty()) {
            // a resend of what an answer left starts with what the previous request's hooks stored
            Event event = previous == null ? batch.event() : batch.event().follow(previous);
            previous = event;
            R response;
            try {
                response =
                        executor.run(
                                event,
                                batch.request(pending),
                                r -> {
                                    try {
                                        return call.apply(r);
                                    } catch (SdkException e) {
                                        if (ErrorMapper.ambiguous(e)) {
                                            lost.set(true);
                                        }
                                        throw e;
                                    }
                                },
                                batch::map,
                                batch.policy());
            } catch (DynamORMException e) {
                batch.failed(pending, e, lost.get());
                return;
            }
            pending = batch.answered(pending, response);
            if (!pending.isEmpty()) {
                attempts++;
                if (!BatchSupport.backoff(
                        batch.policy(),
                        attempts,
                        batch.start(),
                        pending.size(),
                        batch.operation(),
                        batch.failure())) {
                    batch.left(pending, lost.get());
                    return;
                }
            }
        }
    }

    /**
     * Sends one chunk without blocking, waiting out backoff on a timer.
     *
     * @return completes when the chunk is done (its outcome recorded in the batch); fails only with
     *     a failure the batch does not record (e.g. the instance closed)
     */
    static <P, Q extends DynamoDbRequest, R> CompletableFuture<Void> sendAsync(
            AsyncExecutor executor,
            Batch<P, Q, R> batch,
            List<P> chunk,
            Function<Q, CompletableFuture<R>> call) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        // once an attempt's answer is lost, what is still pending may have been applied by it
        new AsyncLoop<>(executor, batch, call, new AtomicBoolean(), done).send(chunk, 0, null);
        return done;
    }

    private record AsyncLoop<P, Q extends DynamoDbRequest, R>(
            AsyncExecutor executor,
            Batch<P, Q, R> batch,
            Function<Q, CompletableFuture<R>> call,
            AtomicBoolean lost,
            CompletableFuture<Void> done) {

        /**
         * Sends the pending elements: the chunk's first request, or the resend of what the answer
         * to {@code previous} left (it starts with what that request's hooks stored), sent from
         * whatever thread runs it after the backoff.
         */
        void send(List<P> pending, int attempts, Event previous) {
            Event event = previous == null ? batch.event() : batch.event().follow(previous);
            CompletableFuture<?> unused =
                    executor.run(
                                    event,
                                    batch.request(pending),
                                    r ->
                                            call.apply(r)
                                                    .whenComplete(
                                                            (ok, thrown) -> {
                                                                if (AsyncAround.unwrap(thrown)
                                                                                instanceof
                                                                                SdkException e
                                                                        && ErrorMapper.ambiguous(
                                                                                e)) {
                                                                    lost.set(true);
                                                                }
                                                            }),
                                    batch::map,
                                    batch.policy(),
                                    null)
                            .whenComplete(
                                    (response, thrown) ->
                                            answered(pending, attempts, event, response, thrown));
        }

        private void answered(
                List<P> pending, int attempts, Event event, R response, Throwable thrown) {
            try {
                Throwable failure = AsyncAround.unwrap(thrown);
                if (failure instanceof DynamORMException e) {
                    batch.failed(pending, e, lost.get());
                } else if (failure instanceof RejectedExecutionException rejected) {
                    // the answer (or the retry of a failed attempt) was dropped: sent, so they
                    // may be applied
                    batch.refused(pending, rejected, true);
                    done.completeExceptionally(rejected);
                    return;
                } else if (failure != null) {
                    done.completeExceptionally(failure);
                    return;
                } else {
                    List<P> left = batch.answered(pending, response);
                    if (!left.isEmpty()) {
                        Optional<Duration> delay =
                                BatchSupport.backoffDelay(
                                        batch.policy(),
                                        attempts + 1,
                                        batch.start(),
                                        left.size(),
                                        batch.operation());
                        if (delay.isPresent()) {
                            executor.afterDelayOrElse(
                                    delay.get(),
                                    () -> send(left, attempts + 1, event),
                                    rejected -> refused(left, rejected));
                            return;
                        }
                        batch.left(left, lost.get());
                    }
                }
                done.complete(null);
            } catch (RuntimeException | Error x) {
                done.completeExceptionally(x);
            }
        }

        /** The resend of what an answer left unprocessed was refused, on the JDK's timer thread. */
        private void refused(List<P> left, RuntimeException rejected) {
            try {
                if (rejected instanceof RejectedExecutionException r) {
                    batch.refused(left, r, lost.get());
                }
            } finally {
                done.completeExceptionally(rejected);
            }
        }
    }
}
