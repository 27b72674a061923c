package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.DynamORM;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retry policy's elapsed-time budget counts per batch operation, not per chunk (issue 15.8).
 */
final class BatchRetryBudgetTest {

    @Test
    void batchWrite_elapsedTimeSeenByThePolicy_countsFromTheStartOfTheOperation() {
        List<Duration> firstRetryElapsed = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy recording =
                (attempts, elapsed, failure) -> {
                    if (attempts == 1) {
                        firstRetryElapsed.add(elapsed);
                    }
                    return attempts >= 50 ? Optional.empty() : Optional.of(Duration.ofMillis(2));
                };
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Order> orders = db.table(Order.class);
            orders.createTable();
            String c = UUID.randomUUID().toString();
            List<Order> items = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                items.add(Order.of(c, String.format("o%05d", i), "NEW", i));
            }
            local.faults(FaultInjection.builder().seed(5).unprocessedRate(0.5).build());
            BatchWriteResult<Order> result =
                    orders.batchWrite(
                            items,
                            List.of(),
                            BatchOptions.builder().workers(1).retryPolicy(recording).build());
            local.faults(FaultInjection.none());
            assertThat(result.written()).isEqualTo(2_000);
            // 80 chunks one after another, each waiting at least 2 ms: the last chunk's first
            // retry sees the time of all earlier chunks, not a fresh budget
            assertThat(firstRetryElapsed).hasSizeGreaterThan(40);
            Duration last = firstRetryElapsed.get(firstRetryElapsed.size() - 1);
            assertThat(last).isGreaterThan(Duration.ofMillis(80));
            assertThat(firstRetryElapsed).isSortedAccordingTo(Duration::compareTo);
        }
    }
}
