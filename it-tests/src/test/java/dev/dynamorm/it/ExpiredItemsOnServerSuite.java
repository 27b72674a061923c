package dev.dynamorm.it;

import dev.dynamorm.test.BackendContext;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link ExpiredItemsSuite} on a server the test kit starts ({@code @DynamoBackend} on the
 * subclass): its client and table-name prefix come from the kit.
 */
abstract class ExpiredItemsOnServerSuite extends ExpiredItemsSuite {

    private DynamoDbClient raw;
    private String prefix;

    @BeforeEach
    void backend(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.prefix = backend.tableNamePrefix();
    }

    @Override
    DynamoDbClient client() {
        return raw;
    }

    @Override
    String tableNamePrefix() {
        return prefix;
    }
}
