package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncUniqueSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class AsyncUniqueOnDynoxideTest extends AsyncUniqueSuite {}
