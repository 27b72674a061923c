package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/**
 * {@link ExpiredItemsSuite} on Dynoxide. Dynoxide keeps expired items until its own background
 * sweep (not run by a test; in a local check an item an hour past its TTL was still answered after
 * ten minutes).
 */
@DynamoBackend(Backend.DYNOXIDE)
final class ExpiredItemsOnDynoxideTest extends ExpiredItemsOnServerSuite {

    @Override
    boolean serverHasTtl() {
        return true;
    }
}
