package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.BatchWriter;
import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamoServiceException;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemContext;
import dev.dynamorm.Plugin;
import dev.dynamorm.Query;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What a user sees after {@code close()} and when the AWS configuration is missing. */
final class LifecycleAndConfigurationErrorsTest {

    /** Counts every hook invocation, so a test can see that none runs after close. */
    private static final class CountingPlugin implements Plugin {
        final AtomicInteger calls = new AtomicInteger();

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
                            calls.incrementAndGet();
                        }

                        @Override
                        public Map<String, AttributeValue> beforeWrite(
                                ItemContext context, Map<String, AttributeValue> item) {
                            calls.incrementAndGet();
                            return item;
                        }
                    });
        }
    }

    @Test
    void afterClose_everyOperationThroughEarlierObjects_failsWithOneIllegalStateException() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            CountingPlugin plugin = new CountingPlugin();
            DynamORM db =
                    DynamORM.builder()
                            .client(local.client())
                            .discoverPlugins(false)
                            .plugin(plugin)
                            .build();
            Table<Order> orders = db.table(Order.class);
            orders.createTable();
            Order order = Order.of("c1", "o1", "NEW", 10);
            orders.put(order);
            Query<Order> query = orders.where("customerId", "=", "c1");
            assertThat(query.all()).containsExactly(order);
            db.close();
            int hookCallsAtClose = plugin.calls.get();

            List<Runnable> operations =
                    List.of(
                            () -> orders.put(Order.of("c1", "o2", "NEW", 1)),
                            () -> orders.get("c1", "o1"),
                            () -> orders.delete(order),
                            () -> orders.update(order, u -> u.increment("totalCents", 1)),
                            query::all,
                            () -> orders.where("customerId", "=", "c1").first(),
                            () -> orders.batchPut(List.of(Order.of("c1", "o3", "NEW", 1))),
                            () -> db.transaction(tx -> tx.put(Order.of("c1", "o4", "NEW", 1))),
                            () -> orders.describeTable(),
                            () -> db.table(Order.class));
            for (Runnable op : operations) {
                assertThatThrownBy(op::run)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("this DynamORM instance is closed");
            }
            assertThatThrownBy(() -> db.batchWriter())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("this DynamORM instance is closed");
            assertThat(plugin.calls.get()).as("hook calls after close").isEqualTo(hookCallsAtClose);
            // nothing was written after close
            assertThat(local.client().scan(b -> b.tableName("orders")).count()).isEqualTo(1);
        }
    }

    @Test
    void batchWriterObtainedBeforeClose_refusesLaterWrites() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            DynamORM db = DynamORM.builder().client(local.client()).build();
            db.table(Order.class).createTable();
            BatchWriter writer = db.batchWriter();
            db.close();
            assertThatThrownBy(() -> writer.put(Order.of("c1", "o1", "NEW", 1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(local.client().scan(b -> b.tableName("orders")).count()).isZero();
        }
    }

    @Test
    void missingCredentials_failAtOnce_withOneClearException() {
        String previousKey = System.clearProperty("aws.accessKeyId");
        String previousSecret = System.clearProperty("aws.secretAccessKey");
        AtomicInteger resolutions = new AtomicInteger();
        AwsCredentialsProvider none =
                new AwsCredentialsProvider() {
                    @Override
                    public AwsCredentials resolveCredentials() {
                        resolutions.incrementAndGet();
                        return SystemPropertyCredentialsProvider.create().resolveCredentials();
                    }
                };
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db =
                        DynamORM.builder()
                                .endpoint(local.endpoint())
                                .region(Region.US_EAST_1)
                                .credentialsProvider(none)
                                .build()) {
            Table<Order> orders = db.table(Order.class);
            long start = System.nanoTime();
            assertThatThrownBy(() -> orders.get("c1", "o1"))
                    .isInstanceOf(DynamoServiceException.class)
                    .hasMessageStartingWith(
                            "get on table 'orders' (model dev.dynamorm.it.model.Order) failed: no AWS credentials could be resolved; give DynamORM.builder().credentialsProvider(...)")
                    .hasMessageContaining("(a configuration error: not retried)")
                    .satisfies(
                            e -> assertThat(((DynamoServiceException) e).isRetryable()).isFalse())
                    .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
            long millis = (System.nanoTime() - start) / 1_000_000;
            // the default policy would try 8 times with backoff (about 1.6 s); one attempt is fast
            assertThat(resolutions.get()).as("credential resolutions").isEqualTo(1);
            assertThat(millis).as("time to fail, ms").isLessThan(1_000);
        } finally {
            if (previousKey != null) {
                System.setProperty("aws.accessKeyId", previousKey);
            }
            if (previousSecret != null) {
                System.setProperty("aws.secretAccessKey", previousSecret);
            }
        }
    }
}
