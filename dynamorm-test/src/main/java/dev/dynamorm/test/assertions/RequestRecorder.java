package dev.dynamorm.test.assertions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK {@link ExecutionInterceptor} that records every request a client sends, with its response
 * or failure, for assertions with {@link DynamoAssertions#assertThatRequests(RequestRecorder)}.
 * Thread-safe.
 *
 * <p>The kit installs one on the client of a class annotated {@code @DynamoBackend(recordRequests =
 * true)} and injects it; on your own client:
 *
 * <pre>{@code
 * RequestRecorder recorder = new RequestRecorder();
 * DynamoDbClient client = DynamoDbClient.builder()
 *         .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
 *         ...build();
 * }</pre>
 */
public final class RequestRecorder implements ExecutionInterceptor {

    private static final ExecutionAttribute<Pending> PENDING =
            new ExecutionAttribute<>("dev.dynamorm.test.assertions.RequestRecorder.pending");

    private final List<Pending> requests = new ArrayList<>();

    /** Creates a recorder with nothing recorded. */
    public RequestRecorder() {}

    /** A request while it is being sent. */
    private static final class Pending {
        private final String operation;
        private SdkRequest request;
        private SdkResponse response;
        private Throwable failure;
        private int attempts;

        Pending(String operation, SdkRequest request) {
            this.operation = operation;
            this.request = request;
        }

        synchronized RecordedRequest snapshot() {
            return new RecordedRequest(operation, request, response, failure, attempts);
        }
    }

    /**
     * Records the request when the SDK starts executing it.
     *
     * @param context the SDK's context
     * @param executionAttributes the execution's attributes
     */
    @Override
    public void beforeExecution(
            Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        String operation =
                executionAttributes
                        .getOptionalAttribute(SdkExecutionAttribute.OPERATION_NAME)
                        .orElseGet(
                                () ->
                                        context.request()
                                                .getClass()
                                                .getSimpleName()
                                                .replaceFirst("Request$", ""));
        Pending pending = new Pending(operation, context.request());
        executionAttributes.putAttribute(PENDING, pending);
        synchronized (requests) {
            requests.add(pending);
        }
    }

    /**
     * Keeps the request as interceptors changed it, just before it is marshalled.
     *
     * @param context the SDK's context
     * @param executionAttributes the execution's attributes
     */
    @Override
    public void beforeMarshalling(
            Context.BeforeMarshalling context, ExecutionAttributes executionAttributes) {
        Pending pending = executionAttributes.getAttribute(PENDING);
        if (pending != null) {
            synchronized (pending) {
                pending.request = context.request();
            }
        }
    }

    /**
     * Counts an attempt.
     *
     * @param context the SDK's context
     * @param executionAttributes the execution's attributes
     */
    @Override
    public void beforeTransmission(
            Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        Pending pending = executionAttributes.getAttribute(PENDING);
        if (pending != null) {
            synchronized (pending) {
                pending.attempts++;
            }
        }
    }

    /**
     * Records the response.
     *
     * @param context the SDK's context
     * @param executionAttributes the execution's attributes
     */
    @Override
    public void afterExecution(
            Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        Pending pending = executionAttributes.getAttribute(PENDING);
        if (pending != null) {
            synchronized (pending) {
                pending.response = context.response();
            }
        }
    }

    /**
     * Records the failure.
     *
     * @param context the SDK's context
     * @param executionAttributes the execution's attributes
     */
    @Override
    public void onExecutionFailure(
            Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        Pending pending = executionAttributes.getAttribute(PENDING);
        if (pending != null) {
            synchronized (pending) {
                pending.failure = context.exception();
            }
        }
    }

    /**
     * Every request recorded since creation or the last {@link #clear()}, in the order they
     * started.
     *
     * @return a snapshot
     */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return requests.stream()
                    .map(Pending::snapshot)
                    .collect(Collectors.toUnmodifiableList());
        }
    }

    /**
     * The recorded requests of one operation.
     *
     * @param operation e.g. {@code Query}, {@code GetItem}, {@code BatchWriteItem}
     * @return a snapshot, in order
     */
    public List<RecordedRequest> requests(String operation) {
        Objects.requireNonNull(operation, "operation");
        return requests().stream()
                .filter(r -> r.operation().equals(operation))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The most recent request.
     *
     * @return the request, or empty when none was recorded
     */
    public Optional<RecordedRequest> last() {
        List<RecordedRequest> all = requests();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * How many requests were recorded.
     *
     * @return the count
     */
    public int size() {
        synchronized (requests) {
            return requests.size();
        }
    }

    /** Forgets every recorded request. */
    public void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public String toString() {
        List<RecordedRequest> all = requests();
        StringBuilder out = new StringBuilder().append(all.size()).append(" recorded requests");
        for (int i = 0; i < all.size(); i++) {
            out.append("\n  ").append(i).append(": ").append(all.get(i));
        }
        return out.toString();
    }

    /** For messages. */
    static String list(List<RecordedRequest> requests) {
        if (requests.isEmpty()) {
            return "  (none)";
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            lines.add("  " + i + ": " + requests.get(i));
        }
        return String.join("\n", lines);
    }
}
