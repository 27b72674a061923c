package dev.dynamorm.engine.internal.client;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.OperationEvent;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.plugin.Event;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What to do after each failed attempt of one request, for the sync {@link Executor} and the {@link
 * AsyncExecutor} alike: map the failure, tell the event, apply the lost-answer rules of a
 * single-item write ({@link WriteRetry}) and ask the {@link RetryPolicy} for the delay. The loops
 * only send, wait (a sleep or a timer) and send again. One instance per request; not thread-safe
 * (the attempts of one request never overlap).
 *
 * @param <R> the SDK response type
 */
final class RetryDecision<R> {

    private static final Logger LOG = LoggerFactory.getLogger(RetryDecision.class);

    /** The decision after a failed attempt. */
    sealed interface Next<R> permits Retry, Fail, Applied {}

    /**
     * Send again after the delay.
     *
     * @param delay how long to wait first
     */
    record Retry<R>(Duration delay) implements Next<R> {}

    /**
     * Give up with this exception.
     *
     * @param failure what the caller gets
     */
    record Fail<R>(RuntimeException failure) implements Next<R> {}

    /**
     * The write's own earlier attempt was applied: succeed with this response.
     *
     * @param response the response to return
     */
    record Applied<R>(R response) implements Next<R> {}

    private final OperationEvent event;
    private final Function<SdkException, DynamORMException> errors;
    private final RetryPolicy policy;
    private final WriteRetry<R> retry;
    private final long start;
    private int attempts;
    private boolean lostAnswer;
    private DynamORMException last;

    /**
     * The decisions of one request whose first attempt started at {@code start} (both executors
     * make it only after a failure: a call that succeeds at once needs none).
     *
     * @param event the operation, told of each failed attempt when it is a hooked {@link Event}
     * @param errors maps SDK failures
     * @param policy the retry policy
     * @param retry how a single-item write may be retried after a lost answer, or null
     * @param start {@link System#nanoTime()} when the first attempt started
     */
    RetryDecision(
            OperationEvent event,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy,
            WriteRetry<R> retry,
            long start) {
        this.start = start;
        this.event = event;
        this.errors = errors;
        this.policy = policy;
        this.retry = retry;
    }

    /**
     * Decides after a failed attempt.
     *
     * @param e what the attempt failed with
     * @return retry after a delay, fail, or succeed with the write's own earlier attempt
     */
    Next<R> failed(SdkException e) {
        attempts++;
        DynamORMException mapped = errors.apply(e);
        last = mapped;
        if (event instanceof Event hooked) {
            hooked.failedAttempt(mapped);
        }
        if (retry != null) {
            if (lostAnswer && mapped instanceof ConditionFailedException cf) {
                // an earlier attempt may have applied: is the stored item its own write?
                if (retry.ownWrite().test(cf)) {
                    LOG.debug(
                            "{} on {}: a retry met the write's own earlier attempt",
                            event.operation(),
                            event.tableName());
                    return new Applied<>(retry.applied().get());
                }
                return new Fail<>(retry.unknown(mapped, true));
            }
            if (ErrorMapper.ambiguous(e)) {
                if (!retry.resendable()) {
                    return new Fail<>(retry.unknown(mapped, false));
                }
                lostAnswer = true;
            }
        }
        if (!mapped.isRetryable()) {
            return new Fail<>(mapped);
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
            return new Fail<>(lostAnswer ? retry.unknown(mapped, true) : mapped);
        }
        LOG.debug(
                "{} on {} failed (attempt {}), retrying in {} ms: {}",
                event.operation(),
                event.tableName(),
                attempts,
                delay.get().toMillis(),
                mapped.getMessage());
        return new Retry<>(delay.get());
    }

    /**
     * The failure when the wait before a retry was cut short (the sync loop's thread interrupted):
     * the last attempt's failure, or an unknown outcome once an answer was lost.
     *
     * @param cause why the wait ended
     * @return what the caller gets
     */
    RuntimeException interrupted(InterruptedException cause) {
        last.addSuppressed(cause);
        return lostAnswer ? retry.unknown(last, true) : last;
    }
}
