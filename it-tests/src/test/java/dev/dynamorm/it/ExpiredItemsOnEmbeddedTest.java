package dev.dynamorm.it;

import dev.dynamorm.local.LocalDynamoDb;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link ExpiredItemsSuite} on an embedded engine of its own whose scheduled sweeper waits a day,
 * so expired items stay until the test runs the sweep with {@link LocalDynamoDb#sweepExpiredNow()}.
 */
final class ExpiredItemsOnEmbeddedTest extends ExpiredItemsSuite {

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.builder().ttlSweepInterval(Duration.ofDays(1)).start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Override
    DynamoDbClient client() {
        return local.client();
    }

    @Override
    String tableNamePrefix() {
        return "";
    }

    @Override
    boolean serverHasTtl() {
        return true;
    }

    @Override
    boolean sweepNow() {
        local.sweepExpiredNow();
        return true;
    }
}
