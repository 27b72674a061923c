package dev.dynamorm.engine.internal.plugin;

import dev.dynamorm.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/** The outcome handed to after-hooks. */
final class HookOutcome implements Outcome {
    private final Throwable failure;
    private final Duration elapsed;
    private final int attempts;
    private final int throttles;
    private final boolean served;
    private final DynamoDbResponse response;
    private final DynamoDbRequest sent;

    /**
     * An outcome, upcast here rather than in {@link HookChain}: verifying an upcast loads the
     * interface, and the (empty) chain is loaded by every engine.
     */
    static Outcome of(Throwable failure, Duration elapsed, Event event, Object result) {
        return new HookOutcome(failure, elapsed, event, result);
    }

    HookOutcome(Throwable failure, Duration elapsed, Event event, Object result) {
        this.failure = failure;
        this.elapsed = elapsed;
        this.served = event.served() != null && failure == null;
        this.response = failure == null && result instanceof DynamoDbResponse r ? r : null;
        this.sent = event.request().orElse(null);
        boolean sent = !served && (event.failedAttempts() > 0 || result != null);
        this.attempts = !sent ? 0 : event.failedAttempts() + (failure == null ? 1 : 0);
        this.throttles = event.throttles();
    }

    @Override
    public boolean succeeded() {
        return failure == null;
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public int attempts() {
        return attempts;
    }

    @Override
    public int throttles() {
        return throttles;
    }

    @Override
    public boolean servedByHook() {
        return served;
    }

    @Override
    public Optional<DynamoDbResponse> response() {
        return Optional.ofNullable(response);
    }

    @Override
    public List<ConsumedCapacity> consumedCapacity() {
        return response == null ? List.of() : Requests.consumedCapacity(response, sent);
    }

    @Override
    public int unprocessedItems() {
        return response == null ? 0 : Requests.unprocessed(response);
    }

    @Override
    public String toString() {
        return "Outcome["
                + (failure == null ? "success" : failure.getClass().getSimpleName())
                + ", "
                + elapsed.toMillis()
                + " ms, attempts="
                + attempts
                + (served ? ", served by hook" : "")
                + "]";
    }
}
