package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link WritesSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class WritesOnDynoxideTest extends WritesSuite {}
