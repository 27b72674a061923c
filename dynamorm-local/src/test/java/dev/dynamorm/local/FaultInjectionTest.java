package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class FaultInjectionTest {
    private static List<String> outcomes(long seed) {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            String t = Fixtures.hashTable(db.client());
            db.faults(FaultInjection.builder().seed(seed).throttleRate(0.3).build());
            DynamoDbClient noRetry =
                    DynamoDbClient.builder()
                            .endpointOverride(db.endpoint())
                            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                            .credentialsProvider(
                                    software.amazon.awssdk.auth.credentials
                                            .StaticCredentialsProvider.create(
                                            software.amazon.awssdk.auth.credentials
                                                    .AwsBasicCredentials.create("a", "b")))
                            .overrideConfiguration(
                                    o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                            .build();
            try (noRetry) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int k = i;
                    try {
                        noRetry.putItem(r -> r.tableName(t).item(item("pk", s("k" + k))));
                        out.add("ok");
                    } catch (ProvisionedThroughputExceededException e) {
                        out.add("pte");
                    } catch (ThrottlingException e) {
                        out.add("throttle");
                    }
                }
                return out;
            }
        }
    }

    @Test
    void throttlingIsDeterministicPerSeed() {
        List<String> first = outcomes(42);
        assertThat(first).contains("ok", "pte", "throttle");
        assertThat(outcomes(42)).isEqualTo(first);
        assertThat(outcomes(43)).isNotEqualTo(first);
    }

    @Test
    void sdkRetriesThrottlesTransparently() {
        try (LocalDynamoDb db =
                LocalDynamoDb.builder()
                        .faults(FaultInjection.builder().seed(1).throttleRate(0.2).build())
                        .start()) {
            String t = Fixtures.hashTable(db.client());
            for (int i = 0; i < 6; i++) {
                int k = i;
                db.client().putItem(r -> r.tableName(t).item(item("pk", s("k" + k))));
            }
            db.faults(FaultInjection.none());
            assertThat(db.client().scan(r -> r.tableName(t)).count()).isEqualTo(6);
        }
    }

    @Test
    void transactionConflictsAndLatency() {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            DynamoDbClient c = db.client();
            String t = Fixtures.hashTable(c);
            db.faults(FaultInjection.builder().transactionConflictRate(1.0).build());
            assertThatThrownBy(
                            () ->
                                    c.transactWriteItems(
                                            r ->
                                                    r.transactItems(
                                                            TransactWriteItem.builder()
                                                                    .put(
                                                                            p ->
                                                                                    p.tableName(t)
                                                                                            .item(
                                                                                                    item(
                                                                                                            "pk",
                                                                                                            s(
                                                                                                                    "a"))))
                                                                    .build(),
                                                            TransactWriteItem.builder()
                                                                    .put(
                                                                            p ->
                                                                                    p.tableName(t)
                                                                                            .item(
                                                                                                    item(
                                                                                                            "pk",
                                                                                                            s(
                                                                                                                    "b"))))
                                                                    .build())))
                    .isInstanceOfSatisfying(
                            TransactionCanceledException.class,
                            e ->
                                    assertThat(e.cancellationReasons())
                                            .extracting(r -> r.code())
                                            .contains("TransactionConflict"));
            db.faults(FaultInjection.builder().latency(Duration.ofMillis(100)).build());
            long start = System.nanoTime();
            c.getItem(r -> r.tableName(t).key(item("pk", s("a"))));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(100));
            db.faults(FaultInjection.none());
            assertThat(c.getItem(r -> r.tableName(t).key(item("pk", s("a")))).hasItem()).isFalse();
        }
    }

    @Test
    void builderValidatesRates() {
        assertThatThrownBy(() -> FaultInjection.builder().throttleRate(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FaultInjection.builder().seed(3).build())
                .isEqualTo(FaultInjection.builder().seed(3).build());
    }
}
