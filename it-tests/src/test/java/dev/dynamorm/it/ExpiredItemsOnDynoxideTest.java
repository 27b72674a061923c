package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link ExpiredItemsSuite} on Dynoxide. Dynoxide keeps expired items until its own background
 * sweep (not run by a test; in a local check an item an hour past its TTL was still answered after
 * ten minutes).
 */
@DynamoBackend(Backend.DYNOXIDE)
final class ExpiredItemsOnDynoxideTest extends ExpiredItemsSuite {

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

    @Override
    boolean serverHasTtl() {
        return true;
    }
}
