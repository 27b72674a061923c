package dev.dynamorm.engine.internal.client;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.plugin.HookChain;
import dev.dynamorm.spi.Hook;
import dev.dynamorm.spi.OperationEvent;
import dev.dynamorm.spi.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * Runs one request: before-hooks, the call with retries under the {@link RetryPolicy}, after-hooks.
 * A before-hook that throws aborts the call; an after-hook that throws is logged and counted.
 */
public final class Executor {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final RetryPolicy retryPolicy;
    private final HookChain hooks;

    public Executor(RetryPolicy retryPolicy, List<Hook> hooks) {
        this(retryPolicy, HookChain.of(hooks));
    }

    public Executor(RetryPolicy retryPolicy, HookChain hooks) {
        this.retryPolicy = retryPolicy;
        this.hooks = hooks;
    }

    /** The installed plugins' hooks: item transforms and model descriptions for call sites. */
    public HookChain hooks() {
        return hooks;
    }

    /** How many after-hook invocations threw. */
    public long failedAfterHooks() {
        return hooks.afterFailures();
    }

    /**
     * Runs a call whose request hooks cannot see or amend (table management). Prefer {@link
     * #run(OperationEvent, DynamoDbRequest, Function, Function)}.
     */
    public <R> R run(
            OperationEvent event,
            Supplier<R> call,
            Function<SdkException, DynamORMException> errors) {
        if (hooks.isEmpty()) {
            return callWithRetries(event, call, errors, retryPolicy);
        }
        Event e = asEvent(event);
        return hooks.around(
                e, null, ignored -> call.get(), c -> callWithRetries(e, c, errors, retryPolicy));
    }

    /**
     * Runs one request: before-hooks (which may veto, amend the request, or serve a get), the
     * amended request with retries, after-hooks. With no plugin installed, only the call.
     *
     * @param event the operation, table, model and key
     * @param request the SDK request as built by the call site
     * @param call sends a request, e.g. {@code r -> client.putItem(r)}
     * @param errors maps SDK failures
     */
    public <Q extends DynamoDbRequest, R> R run(
            OperationEvent event,
            Q request,
            Function<Q, R> call,
            Function<SdkException, DynamORMException> errors) {
        if (hooks.isEmpty()) {
            return callWithRetries(event, () -> call.apply(request), errors, retryPolicy);
        }
        Event e = asEvent(event);
        return hooks.around(e, request, call, c -> callWithRetries(e, c, errors, retryPolicy));
    }

    /** The retry policy of this instance. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** {@link #run(OperationEvent, Supplier, Function)} under another retry policy. */
    public <R> R run(
            OperationEvent event,
            Supplier<R> call,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy) {
        if (hooks.isEmpty()) {
            return callWithRetries(event, call, errors, policy);
        }
        Event e = asEvent(event);
        return hooks.around(
                e, null, ignored -> call.get(), c -> callWithRetries(e, c, errors, policy));
    }

    /**
     * {@link #run(OperationEvent, DynamoDbRequest, Function, Function)} under another retry policy.
     */
    public <Q extends DynamoDbRequest, R> R run(
            OperationEvent event,
            Q request,
            Function<Q, R> call,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy) {
        if (hooks.isEmpty()) {
            return callWithRetries(event, () -> call.apply(request), errors, policy);
        }
        Event e = asEvent(event);
        return hooks.around(e, request, call, c -> callWithRetries(e, c, errors, policy));
    }

    private static Event asEvent(OperationEvent event) {
        return event instanceof Event e
                ? e
                : new Event(event.operation(), event.tableName(), event.modelType(), event.key());
    }

    private <R> R callWithRetries(
            OperationEvent event,
            Supplier<R> call,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy) {
        long start = System.nanoTime();
        int attempts = 0;
        while (true) {
            try {
                return call.get();
            } catch (SdkException e) {
                attempts++;
                DynamORMException mapped = errors.apply(e);
                if (event instanceof Event hooked) {
                    hooked.failedAttempt(mapped);
                }
                if (!mapped.isRetryable()) {
                    throw mapped;
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
                    throw mapped;
                }
                LOG.debug(
                        "{} on {} failed (attempt {}), retrying in {} ms: {}",
                        event.operation(),
                        event.tableName(),
                        attempts,
                        delay.get().toMillis(),
                        mapped.getMessage());
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
