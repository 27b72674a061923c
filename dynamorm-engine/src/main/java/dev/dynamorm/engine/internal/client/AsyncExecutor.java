package dev.dynamorm.engine.internal.client;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.OperationEvent;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import dev.dynamorm.engine.internal.plugin.Event;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * The {@link Executor} of the async view: the same hooks, retry policy, error mapping and
 * lost-answer rules, with each attempt answered by a future; a retry waits on a timer ({@link
 * CompletableFuture#delayedExecutor}), never on a sleeping thread.
 *
 * <p>Where continuations (error mapping, after-hooks, conversion, the caller's result) run: with
 * {@code direct} (no executor configured), on the thread that completed the SDK's future, which is
 * the SDK's own future-completion executor unless the client was told otherwise, or on the calling
 * thread when the future was already complete; only when that thread is an I/O event loop ({@link
 * EventLoops}) do they move to {@code continuations}. Without {@code direct} (an executor given by
 * the user), every continuation runs on {@code continuations}. Each hand-off to another thread
 * costs a wake-up (tens to hundreds of microseconds on a busy machine), which is why the default
 * takes none when none is needed.
 */
public final class AsyncExecutor {

    private final Executor sync;
    private final java.util.concurrent.Executor continuations;
    private final boolean direct;

    /**
     * An async executor sharing the sync one's hooks, retry policy and closed state.
     *
     * @param sync the sync executor
     * @param continuations runs continuations (all of them, or with {@code direct} those whose
     *     future completed on an event loop) and every retry after its backoff
     * @param direct whether continuations run on the thread that completed the SDK's future when it
     *     is not an event loop
     */
    public AsyncExecutor(
            Executor sync, java.util.concurrent.Executor continuations, boolean direct) {
        this.sync = sync;
        this.continuations = continuations;
        this.direct = direct;
    }

    /** The executor continuations run on when they move, and retries after their backoff. */
    public java.util.concurrent.Executor continuations() {
        return continuations;
    }

    /**
     * Runs {@code task} on {@link #continuations()} once {@code delay} has passed, waiting on the
     * JDK's timer, not on a thread. If the executor rejects the task when the delay ends (shut down
     * meanwhile), {@code failed} fails with the {@code RejectedExecutionException}: thrown on the
     * timer's thread it would be lost, and whoever waits on {@code failed} would wait forever.
     *
     * @param delay how long to wait
     * @param task what to run then
     * @param failed the future that fails if the task cannot be handed off
     */
    public void afterDelay(Duration delay, Runnable task, CompletableFuture<?> failed) {
        afterDelayOrElse(delay, task, failed::completeExceptionally);
    }

    /**
     * Runs {@code task} on {@link #continuations()} once {@code delay} has passed, on the JDK's
     * timer; if the executor refuses it then, {@code refused} is told, on the timer's thread, with
     * the {@code RejectedExecutionException} (thrown there it would be lost). {@link #afterDelay}
     * for one future's failure; the async batch writer's flush timer for more.
     *
     * @param delay how long to wait
     * @param task what to run then
     * @param refused told if the executor refuses the task when the delay ends
     */
    public void afterDelayOrElse(
            Duration delay, Runnable task, Consumer<? super RuntimeException> refused) {
        CompletableFuture.delayedExecutor(
                        delay.toNanos(),
                        TimeUnit.NANOSECONDS,
                        r -> {
                            try {
                                continuations.execute(r);
                            } catch (RuntimeException rejected) {
                                // thrown here it would be lost on the JDK's timer thread
                                refused.accept(rejected);
                            }
                        })
                .execute(task);
    }

    /** Runs {@code task} on {@link #continuations()}, or fails {@code failed} if it is refused. */
    private void handOff(Runnable task, CompletableFuture<?> failed) {
        try {
            continuations.execute(task);
        } catch (RuntimeException rejected) {
            // a rejected hand-off (a shut-down executor): thrown here it would be lost on the
            // completing thread (the SDK's future, the JDK's timer) and the caller's future would
            // never complete
            failed.completeExceptionally(rejected);
        }
    }

    /**
     * Runs one request like {@link Executor#run(OperationEvent, DynamoDbRequest, Function,
     * Function)}, or like {@link Executor#runWrite} when {@code retry} is given.
     *
     * @param event the operation, table, model and key
     * @param request the SDK request as built by the call site
     * @param call sends a request, e.g. {@code r -> asyncClient.putItem(r)}
     * @param errors maps SDK failures
     * @param retry how a single-item write may be retried after a lost answer, or null
     * @return the response; fails with the mapped exception itself
     */
    public <Q extends DynamoDbRequest, R> CompletableFuture<R> run(
            OperationEvent event,
            Q request,
            Function<Q, CompletableFuture<R>> call,
            Function<SdkException, DynamORMException> errors,
            WriteRetry<R> retry) {
        return run(event, request, call, errors, sync.retryPolicy(), retry, Function.identity());
    }

    /**
     * {@link #run(OperationEvent, DynamoDbRequest, Function, Function, WriteRetry)} with the
     * response converted in the same step that completes the result (no further stage): {@code
     * convert} runs where the after-hooks ran, and what it throws fails the result as it is.
     *
     * @param event the operation, table, model and key
     * @param request the SDK request as built by the call site
     * @param call sends a request
     * @param errors maps SDK failures
     * @param retry how a single-item write may be retried after a lost answer, or null
     * @param convert turns the response into the caller's result
     * @return the converted response; fails with the mapped exception itself
     */
    public <Q extends DynamoDbRequest, R, T> CompletableFuture<T> runAndConvert(
            OperationEvent event,
            Q request,
            Function<Q, CompletableFuture<R>> call,
            Function<SdkException, DynamORMException> errors,
            WriteRetry<R> retry,
            Function<? super R, ? extends T> convert) {
        return run(event, request, call, errors, sync.retryPolicy(), retry, convert);
    }

    /**
     * {@link #run(OperationEvent, DynamoDbRequest, Function, Function, WriteRetry)} under another
     * retry policy (a batch's own).
     *
     * @param event the operation, table, model and key
     * @param request the SDK request as built by the call site
     * @param call sends a request
     * @param errors maps SDK failures
     * @param policy the retry policy
     * @param retry how a single-item write may be retried after a lost answer, or null
     * @return the response; fails with the mapped exception itself
     */
    public <Q extends DynamoDbRequest, R> CompletableFuture<R> run(
            OperationEvent event,
            Q request,
            Function<Q, CompletableFuture<R>> call,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy,
            WriteRetry<R> retry) {
        return run(event, request, call, errors, policy, retry, Function.identity());
    }

    private <Q extends DynamoDbRequest, R, T> CompletableFuture<T> run(
            OperationEvent event,
            Q request,
            Function<Q, CompletableFuture<R>> call,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy,
            WriteRetry<R> retry,
            Function<? super R, ? extends T> convert) {
        try {
            sync.requireOpen();
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!sync.hasHooks()) {
            return new Attempts<Q, R, T>(request, call, event, errors, policy, retry, convert)
                    .start();
        }
        Event e =
                event instanceof Event hooked
                        ? hooked
                        : new Event(
                                event.operation(),
                                event.tableName(),
                                event.modelType(),
                                event.key());
        // the after-hooks see the response itself: convert after them
        CompletableFuture<R> hooked =
                AsyncAround.around(
                        sync.hooks(),
                        e,
                        request,
                        q ->
                                new Attempts<Q, R, R>(
                                                q,
                                                call,
                                                e,
                                                errors,
                                                policy,
                                                retry,
                                                Function.identity())
                                        .start());
        if (convert == Function.identity()) {
            return Futures.map(hooked, convert);
        }
        // converted with this request current, also when the response came at once
        return Futures.map(hooked, r -> AsyncAround.convert(e, convert, r));
    }

    /**
     * The attempts of one request: sends, and after a failure asks the {@link RetryDecision} (the
     * same as the sync loop's), waiting on a timer before the next attempt. Answers where the class
     * comment says, converting the response in the same step.
     */
    private final class Attempts<Q, R, T> implements BiConsumer<R, Throwable> {
        private final Q request;
        private final Function<Q, CompletableFuture<R>> call;
        private final OperationEvent event;
        private final Function<SdkException, DynamORMException> errors;
        private final RetryPolicy policy;
        private final WriteRetry<R> retry;
        private final Function<? super R, ? extends T> convert;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final long start = System.nanoTime();

        /** Made at the first failure: a request answered at once needs no decision. */
        private RetryDecision<R> decision;

        Attempts(
                Q request,
                Function<Q, CompletableFuture<R>> call,
                OperationEvent event,
                Function<SdkException, DynamORMException> errors,
                RetryPolicy policy,
                WriteRetry<R> retry,
                Function<? super R, ? extends T> convert) {
            this.request = request;
            this.call = call;
            this.event = event;
            this.errors = errors;
            this.policy = policy;
            this.retry = retry;
            this.convert = convert;
        }

        CompletableFuture<T> start() {
            attempt();
            return result;
        }

        private void attempt() {
            CompletableFuture<R> sent;
            try {
                sent = call.apply(request);
            } catch (RuntimeException e) {
                accept(null, e);
                return;
            }
            if (!sent.isDone()) {
                CompletableFuture<R> unused = sent.whenComplete(this);
                return;
            }
            // Answered already (an in-process client, a client told to complete on the calling
            // thread, a failure before sending): take the answer here rather than through a stage.
            // Same thread and outcome as whenComplete on a done future, without its allocations,
            // and without adding this class to the receivers of CompletableFuture's shared
            // completion code, which the SDK's own pipeline runs several times per request.
            R response;
            try {
                response = sent.join();
            } catch (CompletionException | CancellationException e) {
                accept(null, e);
                return;
            }
            accept(response, null);
        }

        /** The SDK's answer, on the thread that completed its future (or attached to it). */
        @Override
        public void accept(R response, Throwable thrown) {
            if (direct && !EventLoops.current()) {
                answered(response, thrown);
                return;
            }
            handOff(() -> answered(response, thrown), result);
        }

        private void answered(R response, Throwable thrown) {
            try {
                if (thrown == null) {
                    result.complete(convert.apply(response));
                    return;
                }
                Throwable cause = AsyncAround.unwrap(thrown);
                if (!(cause instanceof SdkException sdk)) {
                    result.completeExceptionally(cause);
                    return;
                }
                if (decision == null) {
                    decision = new RetryDecision<>(event, errors, policy, retry, start);
                }
                RetryDecision.Next<R> next = decision.failed(sdk);
                if (next instanceof RetryDecision.Applied<R> applied) {
                    result.complete(convert.apply(applied.response()));
                } else if (next instanceof RetryDecision.Fail<R> fail) {
                    result.completeExceptionally(fail.failure());
                } else {
                    afterDelay(((RetryDecision.Retry<R>) next).delay(), this::attempt, result);
                }
            } catch (RuntimeException | Error x) {
                result.completeExceptionally(x);
            }
        }
    }
}
