package dev.dynamorm.engine.internal.client;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.engine.internal.plugin.AsyncAround;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.spi.OperationEvent;
import dev.dynamorm.spi.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(AsyncExecutor.class);

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
        try {
            sync.requireOpen();
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        RetryPolicy policy = sync.retryPolicy();
        if (sync.hooks().isEmpty()) {
            return new Attempts<>(event, () -> call.apply(request), errors, policy, retry).start();
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
                q -> new Attempts<>(e, () -> call.apply(q), errors, policy, retry).start());
    }

    /** The attempts of one request, as {@code Executor.callWithRetries}. */
    private final class Attempts<R> {
        private final OperationEvent event;
        private final Supplier<CompletableFuture<R>> call;
        private final Function<SdkException, DynamORMException> errors;
        private final RetryPolicy policy;
        private final WriteRetry<R> retry;
        private final CompletableFuture<R> result = new CompletableFuture<>();
        private final long start = System.nanoTime();
        private int attempts;
        private boolean lostAnswer;

        Attempts(
                OperationEvent event,
                Supplier<CompletableFuture<R>> call,
                Function<SdkException, DynamORMException> errors,
                RetryPolicy policy,
                WriteRetry<R> retry) {
            this.event = event;
            this.call = call;
            this.errors = errors;
            this.policy = policy;
            this.retry = retry;
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
                Optional<Duration> delay = failed(sdk);
                if (delay.isEmpty()) {
                    return;
                }
                CompletableFuture.delayedExecutor(
                                delay.get().toNanos(), TimeUnit.NANOSECONDS, continuations)
                        .execute(this::attempt);
            } catch (RuntimeException | Error x) {
                result.completeExceptionally(x);
            }
        }

        /** Decides after a failed attempt: the delay before the next, or empty when done. */
        private Optional<Duration> failed(SdkException e) {
            attempts++;
            DynamORMException mapped = errors.apply(e);
            if (event instanceof Event hooked) {
                hooked.failedAttempt(mapped);
            }
            if (retry != null) {
                if (lostAnswer && mapped instanceof ConditionFailedException cf) {
                    // an earlier attempt may have applied: is the stored item its own write?
                    if (retry.ownWrite().test(cf)) {
                        result.complete(retry.applied().get());
                    } else {
                        result.completeExceptionally(retry.unknown(mapped, true));
                    }
                    return Optional.empty();
                }
                if (ErrorMapper.ambiguous(e)) {
                    if (!retry.resendable()) {
                        result.completeExceptionally(retry.unknown(mapped, false));
                        return Optional.empty();
                    }
                    lostAnswer = true;
                }
            }
            if (!mapped.isRetryable()) {
                result.completeExceptionally(mapped);
                return Optional.empty();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Optional<Duration> delay = policy.nextDelay(attempts, elapsed, mapped);
            if (delay.isEmpty()) {
                LOG.warn(
                        "{} on {} gave up after {} attempts in {} ms: {}",
                        event.operation(),
                        event.tableName(),
                        attempts,
                        elapsed.toMillis(),
                        mapped.getMessage());
                result.completeExceptionally(lostAnswer ? retry.unknown(mapped, true) : mapped);
                return Optional.empty();
            }
            LOG.debug(
                    "{} on {} failed (attempt {}), retrying in {} ms: {}",
                    event.operation(),
                    event.tableName(),
                    attempts,
                    delay.get().toMillis(),
                    mapped.getMessage());
            return delay;
        }
    }
}
