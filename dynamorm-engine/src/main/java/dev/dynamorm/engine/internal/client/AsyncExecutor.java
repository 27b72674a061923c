package dev.dynamorm.engine.internal.client;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.OperationEvent;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import dev.dynamorm.engine.internal.plugin.Event;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * The {@link Executor} of the async view: the same hooks, retry policy, error mapping and
 * lost-answer rules, with each attempt answered by a future. Every continuation (error mapping,
 * after-hooks, the caller's result) runs on {@code continuations}, never on the thread that
 * completed the SDK's future; a retry waits on a timer ({@link CompletableFuture#delayedExecutor}),
 * never on a sleeping thread.
 */
public final class AsyncExecutor {

    private final Executor sync;
    private final java.util.concurrent.Executor continuations;

    /**
     * An async executor sharing the sync one's hooks, retry policy and closed state.
     *
     * @param sync the sync executor
     * @param continuations runs every continuation
     */
    public AsyncExecutor(Executor sync, java.util.concurrent.Executor continuations) {
        this.sync = sync;
        this.continuations = continuations;
    }

    /** The executor continuations run on. */
    public java.util.concurrent.Executor continuations() {
        return continuations;
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
        return run(event, request, call, errors, sync.retryPolicy(), retry);
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
        try {
            sync.requireOpen();
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (sync.hooks().isEmpty()) {
            return new Attempts<>(
                            () -> call.apply(request),
                            new RetryDecision<>(event, errors, policy, retry))
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
        return AsyncAround.around(
                sync.hooks(),
                e,
                request,
                q ->
                        new Attempts<>(
                                        () -> call.apply(q),
                                        new RetryDecision<>(e, errors, policy, retry))
                                .start());
    }

    /**
     * The attempts of one request: sends, and after a failure asks the {@link RetryDecision} (the
     * same as the sync loop's), waiting on a timer before the next attempt.
     */
    private final class Attempts<R> {
        private final Supplier<CompletableFuture<R>> call;
        private final RetryDecision<R> decision;
        private final CompletableFuture<R> result = new CompletableFuture<>();

        Attempts(Supplier<CompletableFuture<R>> call, RetryDecision<R> decision) {
            this.call = call;
            this.decision = decision;
        }

        CompletableFuture<R> start() {
            attempt();
            return result;
        }

        private void attempt() {
            CompletableFuture<R> sent;
            try {
                sent = call.get();
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<R> unused = sent.whenCompleteAsync(this::answered, continuations);
        }

        private void answered(R response, Throwable thrown) {
            if (thrown == null) {
                result.complete(response);
                return;
            }
            try {
                Throwable cause = AsyncAround.unwrap(thrown);
                if (!(cause instanceof SdkException sdk)) {
                    result.completeExceptionally(cause);
                    return;
                }
                RetryDecision.Next<R> next = decision.failed(sdk);
                if (next instanceof RetryDecision.Applied<R> applied) {
                    result.complete(applied.response());
                } else if (next instanceof RetryDecision.Fail<R> fail) {
                    result.completeExceptionally(fail.failure());
                } else {
                    Duration delay = ((RetryDecision.Retry<R>) next).delay();
                    CompletableFuture.delayedExecutor(
                                    delay.toNanos(), TimeUnit.NANOSECONDS, continuations)
                            .execute(this::attempt);
                }
            } catch (RuntimeException | Error x) {
                result.completeExceptionally(x);
            }
        }
    }
}
