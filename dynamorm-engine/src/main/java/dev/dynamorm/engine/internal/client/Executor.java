package dev.dynamorm.engine.internal.client;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.Hook;
import dev.dynamorm.Operation;
import dev.dynamorm.OperationEvent;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.engine.internal.plugin.Event;
import dev.dynamorm.engine.internal.plugin.HookChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * Runs one request: before-hooks, the call with retries under the {@link RetryPolicy}, after-hooks.
 * A before-hook that throws aborts the call; an after-hook that throws is logged and counted.
 */
public final class Executor {

    /** The one message of every operation attempted after {@code DynamORM.close()}. */
    public static final String CLOSED = HookChain.CLOSED;

    /**
     * The policy of calls that name none; null until the first call that needs it when none was
     * configured (then the one discovered through {@link #contextLoader}): a call that succeeds at
     * once loads no retry class.
     */
    private volatile RetryPolicy retryPolicy;

    /** The context class loader at construction, for a discovered retry policy. */
    private final ClassLoader contextLoader;

    /**
     * The installed hooks, or null when there are none: an engine without hooks never loads the
     * hook chain's class (nor the hook API types its verification names) before its first answer.
     */
    private final HookChain hooks;

    private volatile boolean closed;

    public Executor(RetryPolicy retryPolicy, List<Hook> hooks) {
        this(retryPolicy, HookChain.of(hooks));
    }

    /**
     * An executor under {@code retryPolicy} running {@code hooks}.
     *
     * @param retryPolicy the policy of calls that name none; null for the one discovered (looked up
     *     at the first failure, through the current thread's context class loader)
     * @param hooks the installed hooks; null (or an empty chain) when there are none
     */
    public Executor(RetryPolicy retryPolicy, HookChain hooks) {
        this.retryPolicy = retryPolicy;
        this.contextLoader = Thread.currentThread().getContextClassLoader();
        // a chain handed in is loaded already; null keeps an engine without hooks from loading it
        this.hooks = hooks == null || hooks.isEmpty() ? null : hooks;
    }

    /**
     * Refuses every later request (before any hook runs): objects obtained before {@code close()}
     * fail with one {@link IllegalStateException}.
     */
    public void close() {
        closed = true;
        if (hooks != null) {
            hooks.close();
        }
    }

    /** Throws when this instance is closed. */
    void requireOpen() {
        if (closed) {
            throw new IllegalStateException(CLOSED);
        }
    }

    /**
     * The installed plugins' hooks: item transforms and model descriptions for call sites; {@link
     * HookChain#EMPTY} when none is installed (ask {@link #hasHooks()} first on paths every engine
     * runs: this loads the chain's class).
     */
    public HookChain hooks() {
        return hooks != null ? hooks : HookChain.EMPTY;
    }

    /** Whether any hook is installed; loads no hook class when none is. */
    public boolean hasHooks() {
        return hooks != null;
    }

    /** How many after-hook invocations threw. */
    public long failedAfterHooks() {
        return hooks != null ? hooks.afterFailures() : 0;
    }

    /**
     * Runs a call whose request hooks cannot see or amend (table management). Prefer {@link
     * #run(OperationEvent, DynamoDbRequest, Function, Function)}.
     */
    public <R> R run(
            OperationEvent event,
            Supplier<R> call,
            Function<SdkException, DynamORMException> errors) {
        requireOpen();
        if (hooks == null) {
            return callWithRetries(event, call, null, null, errors, null, null);
        }
        Event e = asEvent(event);
        return hooks.around(
                e,
                null,
                ignored -> call.get(),
                c -> callWithRetries(e.asOperationEvent(), c, null, null, errors, null, null));
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
        requireOpen();
        if (hooks == null) {
            return callWithRetries(event, null, call, request, errors, null, null);
        }
        Event e = asEvent(event);
        return hooks.around(
                e,
                request,
                call,
                c -> callWithRetries(e.asOperationEvent(), c, null, null, errors, null, null));
    }

    /**
     * {@link #run(OperationEvent, DynamoDbRequest, Function, Function)} for a single-item read of
     * one table, given the parts of its event: the event is made only when a hook is installed or
     * an attempt fails (only hooks and the retry decision read it), so the first get of an engine
     * without hooks loads no event class.
     *
     * @param operation the operation
     * @param tableName the physical table name
     * @param modelType the model
     * @param key the item's key, or null
     * @param request the SDK request as built by the call site
     * @param call sends a request
     * @param errors maps SDK failures
     */
    public <Q extends DynamoDbRequest, R> R run(
            Operation operation,
            String tableName,
            Class<?> modelType,
            Map<String, AttributeValue> key,
            Q request,
            Function<Q, R> call,
            Function<SdkException, DynamORMException> errors) {
        if (hooks != null) {
            return run(event(operation, tableName, modelType, key), request, call, errors);
        }
        requireOpen();
        long start = System.nanoTime();
        try {
            return call.apply(request);
        } catch (SdkException e) {
            OperationEvent event = event(operation, tableName, modelType, key);
            return retryAfter(e, event, null, call, request, errors, null, null, start);
        }
    }

    private static OperationEvent event(
            Operation operation,
            String tableName,
            Class<?> modelType,
            Map<String, AttributeValue> key) {
        return new Event(operation, tableName, modelType, Optional.ofNullable(key))
                .asOperationEvent();
    }

    /** The retry policy of this instance. */
    public RetryPolicy retryPolicy() {
        RetryPolicy p = retryPolicy;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (retryPolicy == null) {
                retryPolicy = DiscoveredRetryPolicy.of(contextLoader);
            }
            return retryPolicy;
        }
    }

    /**
     * How the start-up log names the policy of calls that name none, without making a discovered
     * one.
     */
    public String describeRetryPolicy() {
        RetryPolicy p = retryPolicy;
        return p != null ? p.toString() : DiscoveredRetryPolicy.UNRESOLVED;
    }

    /** {@link #run(OperationEvent, Supplier, Function)} under another retry policy. */
    public <R> R run(
            OperationEvent event,
            Supplier<R> call,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy) {
        requireOpen();
        if (hooks == null) {
            return callWithRetries(event, call, null, null, errors, policy, null);
        }
        Event e = asEvent(event);
        return hooks.around(
                e,
                null,
                ignored -> call.get(),
                c -> callWithRetries(e.asOperationEvent(), c, null, null, errors, policy, null));
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
        requireOpen();
        if (hooks == null) {
            return callWithRetries(event, null, call, request, errors, policy, null);
        }
        Event e = asEvent(event);
        return hooks.around(
                e,
                request,
                call,
                c -> callWithRetries(e.asOperationEvent(), c, null, null, errors, policy, null));
    }

    /**
     * Runs one single-item write like {@link #run(OperationEvent, DynamoDbRequest, Function,
     * Function)}, retrying after a lost answer only as {@code retry} allows: a write that is not
     * resendable raises {@link dev.dynamorm.OutcomeUnknownException}; a retry whose condition fails
     * on the write's own earlier attempt succeeds.
     */
    public <Q extends DynamoDbRequest, R> R runWrite(
            OperationEvent event,
            Q request,
            Function<Q, R> call,
            Function<SdkException, DynamORMException> errors,
            WriteRetry<R> retry) {
        requireOpen();
        if (hooks == null) {
            return callWithRetries(event, null, call, request, errors, null, retry);
        }
        Event e = asEvent(event);
        return hooks.around(
                e,
                request,
                call,
                c -> callWithRetries(e.asOperationEvent(), c, null, null, errors, null, retry));
    }

    private static Event asEvent(OperationEvent event) {
        return event instanceof Event e
                ? e
                : new Event(event.operation(), event.tableName(), event.modelType(), event.key());
    }

    /**
     * Sends {@code call.get()}, or {@code request} through {@code send} when {@code call} is null
     * (no lambda wraps the request: each spins a hidden class in a cold JVM), with retries.
     */
    private <Q, R> R callWithRetries(
            OperationEvent event,
            Supplier<R> call,
            Function<Q, R> send,
            Q request,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy,
            WriteRetry<R> retry) {
        long start = System.nanoTime();
        try {
            return call != null ? call.get() : send.apply(request);
        } catch (SdkException e) {
            return retryAfter(e, event, call, send, request, errors, policy, retry, start);
        }
    }

    /**
     * Decides after the failed first attempt of a call (sent at {@code start}) and sends again as
     * the policy says, until an attempt succeeds or the decision is to fail.
     */
    private <Q, R> R retryAfter(
            SdkException first,
            OperationEvent event,
            Supplier<R> call,
            Function<Q, R> send,
            Q request,
            Function<SdkException, DynamORMException> errors,
            RetryPolicy policy,
            WriteRetry<R> retry,
            long start) {
        // made at the first failure: a call that succeeds at once never loads the retry classes
        RetryPolicy p = policy != null ? policy : retryPolicy();
        RetryDecision<R> decision = new RetryDecision<>(event, errors, p, retry, start);
        SdkException failure = first;
        while (true) {
            if (failure == null) {
                try {
                    return call != null ? call.get() : send.apply(request);
                } catch (SdkException e) {
                    failure = e;
                }
            }
            RetryDecision.Next<R> next = decision.failed(failure);
            failure = null;
            if (next instanceof RetryDecision.Applied<R> applied) {
                return applied.response();
            }
            if (next instanceof RetryDecision.Fail<R> fail) {
                throw fail.failure();
            }
            Duration delay = ((RetryDecision.Retry<R>) next).delay();
            try {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw decision.interrupted(ie);
            }
        }
    }
}
