package dev.dynamorm.engine.internal;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.spi.Hook;
import dev.dynamorm.spi.OperationEvent;
import dev.dynamorm.spi.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one request: before-hooks, the call with retries under the {@link RetryPolicy}, after-hooks.
 * A before-hook that throws aborts the call; an after-hook that throws is logged and counted.
 */
final class Executor {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final RetryPolicy retryPolicy;
    private final List<Hook> hooks;
    private final AtomicLong failedAfterHooks = new AtomicLong();

    Executor(RetryPolicy retryPolicy, List<Hook> hooks) {
        this.retryPolicy = retryPolicy;
        this.hooks = List.copyOf(hooks);
    }

    /** How many after-hook invocations threw. */
    long failedAfterHooks() {
        return failedAfterHooks.get();
    }

    <R> R run(OperationEvent event, Supplier<R> call, Function<SdkException, DynamORMException> errors) {
        if (hooks.isEmpty()) {
            return callWithRetries(event, call, errors);
        }
        long start = System.nanoTime();
        for (Hook hook : hooks) {
            hook.before(event);
        }
        Throwable failure = null;
        try {
            return callWithRetries(event, call, errors);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            for (int i = hooks.size() - 1; i >= 0; i--) {
                try {
                    hooks.get(i).after(event, failure, elapsed);
                } catch (RuntimeException e) {
                    failedAfterHooks.incrementAndGet();
                    LOG.warn("after-hook {} failed for {} on {}; the operation's outcome is unchanged",
                            hooks.get(i).getClass().getName(), event.operation(), event.tableName(), e);
                }
            }
        }
    }

    private <R> R callWithRetries(OperationEvent event, Supplier<R> call,
            Function<SdkException, DynamORMException> errors) {
        long start = System.nanoTime();
        int attempts = 0;
        while (true) {
            try {
                return call.get();
            } catch (SdkException e) {
                attempts++;
                DynamORMException mapped = errors.apply(e);
                if (!mapped.isRetryable()) {
                    throw mapped;
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                Optional<Duration> delay = retryPolicy.nextDelay(attempts, elapsed, mapped);
                if (delay.isEmpty()) {
                    LOG.warn("{} on {} gave up after {} attempts in {} ms: {}", event.operation(), event.tableName(),
                            attempts, elapsed.toMillis(), mapped.getMessage());
                    throw mapped;
                }
                LOG.debug("{} on {} failed (attempt {}), retrying in {} ms: {}", event.operation(),
                        event.tableName(), attempts, delay.get().toMillis(), mapped.getMessage());
                try {
                    Thread.sleep(delay.get().toMillis(), delay.get().toNanosPart() % 1_000_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    mapped.addSuppressed(ie);
                    throw mapped;
                }
            }
        }
    }
}
