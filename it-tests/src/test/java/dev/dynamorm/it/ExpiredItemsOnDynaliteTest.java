package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link ExpiredItemsSuite} on Dynalite. Dynalite has no UpdateTimeToLive: the table has no TTL and
 * the server never deletes, so only DynamORM hides.
 */
@DynamoBackend(Backend.DYNALITE)
final class ExpiredItemsOnDynaliteTest extends ExpiredItemsSuite {

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
        return false;
    }
}
