package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.Operation;
import dev.dynamorm.Plugin;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * A get of an engine without hooks makes its event only when an attempt fails: its retries, the
 * policy's view of each failure and the exception it ends with are those of an engine whose hooks
 * see every attempt (which makes the event before the first one).
 */
final class GetRetriesTest {

    @DynamoTable("orders")
    record Order(@PartitionKey String customerId, @SortKey String orderId, String status) {}

    /** Answers GetItem with a throttle {@code throttles} times, then with the item. */
    private static final class ThrottlingClient implements DynamoDbClient {
        private final int throttles;
        final AtomicInteger calls = new AtomicInteger();

        ThrottlingClient(int throttles) {
            this.throttles = throttles;
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            if (calls.incrementAndGet() <= throttles) {
                throw ProvisionedThroughputExceededException.builder()
                        .message("slow down")
                        .statusCode(400)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("ProvisionedThroughputExceededException")
                                        .errorMessage("slow down")
                                        .build())
                        .build();
            }
            return GetItemResponse.builder()
                    .item(
                            Map.of(
                                    "customerId", AttributeValue.fromS("c-1"),
                                    "orderId", AttributeValue.fromS("o-1"),
                                    "status", AttributeValue.fromS("NEW")))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    /** Retries up to {@code attempts} attempts, 1 ms apart, recording what it was asked about. */
    private static final class RecordingPolicy implements RetryPolicy {
        private final int attempts;
        final List<String> seen = new ArrayList<>();

        RecordingPolicy(int attempts) {
            this.attempts = attempts;
        }

        @Override
        public Optional<Duration> nextDelay(
                int attempt, Duration elapsed, DynamORMException failure) {
            seen.add(
                    attempt
                            + " "
                            + failure.getClass().getSimpleName()
                            + " "
                            + failure.operation().orElseThrow()
                            + " "
                            + failure.modelType().map(Class::getSimpleName).orElse("-"));
            return attempt < attempts ? Optional.of(Duration.ofMillis(1)) : Optional.empty();
        }
    }

    /** A plugin whose hook counts the failed attempts its events were told of. */
    private static final class CountingPlugin implements Plugin {
        final List<String> before = new ArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(
                    new Hook() {
                        @Override
                        public void before(HookContext context) {
                            before.add(context.operation() + " " + context.tableName());
                        }
                    });
        }
    }

    private static DynamORM db(DynamoDbClient client, RetryPolicy policy, Plugin plugin) {
        DynamORM.Builder b =
                DynamORM.builder()
                        .client(client)
                        .tableNamePrefix("test_")
                        .retryPolicy(policy)
                        .discoverPlugins(false);
        if (plugin != null) {
            b.plugin(plugin);
        }
        return b.build();
    }

    /** The retry decision's "gave up" warnings about the test table, elapsed time masked. */
    private static List<String> gaveUp() {
        return CapturedLogs.messages(Level.WARN, "RetryDecision").stream()
                .filter(m -> m.contains("test_orders"))
                .map(m -> m.replaceAll("in \\d+ ms", "in N ms"))
                .toList();
    }

    @Test
    void withoutHooks_aThrottledGetIsRetriedAsThePolicySays_andAnswers() {
        ThrottlingClient client = new ThrottlingClient(2);
        RecordingPolicy policy = new RecordingPolicy(5);
        try (DynamORM db = db(client, policy, null)) {
            Order got = db.table(Order.class).get("c-1", "o-1").orElseThrow();

            assertThat(got).isEqualTo(new Order("c-1", "o-1", "NEW"));
            assertThat(client.calls).hasValue(3);
            assertThat(policy.seen)
                    .containsExactly(
                            "1 ThrottledException GET Order", "2 ThrottledException GET Order");
        }
    }

    @Test
    void withoutHooks_aGetThePolicyGivesUpOn_failsAsWithHooks() {
        ThrottlingClient plainClient = new ThrottlingClient(Integer.MAX_VALUE);
        RecordingPolicy plainPolicy = new RecordingPolicy(3);
        Throwable plain;
        CapturedLogs.clear();
        try (DynamORM db = db(plainClient, plainPolicy, null)) {
            plain = catchThrowable(() -> db.table(Order.class).get("c-1", "o-1"));
        }
        List<String> plainWarnings = gaveUp();
        ThrottlingClient hookedClient = new ThrottlingClient(Integer.MAX_VALUE);
        RecordingPolicy hookedPolicy = new RecordingPolicy(3);
        CountingPlugin plugin = new CountingPlugin();
        Throwable hooked;
        CapturedLogs.clear();
        try (DynamORM db = db(hookedClient, hookedPolicy, plugin)) {
            hooked = catchThrowable(() -> db.table(Order.class).get("c-1", "o-1"));
        }
        List<String> hookedWarnings = gaveUp();

        // the event made at the failure names the operation and table as the hooked one does
        assertThat(plainWarnings)
                .containsExactly(
                        "GET on test_orders gave up after 3 attempts in N ms: get on table"
                                + " 'test_orders' (model "
                                + Order.class.getName()
                                + ") failed: slow down")
                .isEqualTo(hookedWarnings);

        assertThat(plugin.before).containsExactly("GET test_orders");
        assertThat(plain).isInstanceOf(ThrottledException.class);
        ThrottledException failure = (ThrottledException) plain;
        assertThat(failure.operation()).contains(Operation.GET);
        assertThat(failure.modelType()).contains(Order.class);
        assertThat(plain).isExactlyInstanceOf(hooked.getClass()).hasMessage(hooked.getMessage());
        assertThat(plainClient.calls).hasValue(3);
        assertThat(hookedClient.calls).hasValue(3);
        assertThat(plainPolicy.seen).isEqualTo(hookedPolicy.seen).hasSize(3);
    }
}
