package dev.dynamorm.engine.internal.async;

import dev.dynamorm.DynamORM;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Executors that refuse the engine's hand-offs, for the tests of what a refusal leaves behind. */
final class RefusingExecutors {

    private RefusingExecutors() {}

    /** An executor already shut down: it refuses every hand-off. */
    static ExecutorService shutDown() {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        return closed;
    }

    /**
     * An instance whose executor {@code app} accepts hand-offs until the retry policy first runs,
     * which shuts it down: the first answer is handed off, what follows the backoff is refused.
     * {@code delays} counts the retry policy's calls.
     */
    static DynamORM shutDownAtTheFirstRetry(
            LocalDynamoDb local,
            DynamoDbAsyncClient client,
            ExecutorService app,
            AtomicInteger delays) {
        return DynamORM.builder()
                .client(local.client())
                .asyncClient(client)
                .asyncExecutor(app)
                .discoverPlugins(false)
                .retryPolicy(
                        (attempts, elapsed, failure) -> {
                            delays.incrementAndGet();
                            app.shutdown();
                            return Optional.of(Duration.ofMillis(20));
                        })
                .build();
    }
}
