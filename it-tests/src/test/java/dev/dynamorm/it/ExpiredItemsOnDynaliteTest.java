package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/**
 * {@link ExpiredItemsSuite} on Dynalite. Dynalite has no UpdateTimeToLive: the table has no TTL and
 * the server never deletes, so only DynamORM hides.
 */
@DynamoBackend(Backend.DYNALITE)
final class ExpiredItemsOnDynaliteTest extends ExpiredItemsOnServerSuite {

    @Override
    boolean serverHasTtl() {
        return false;
    }
}
