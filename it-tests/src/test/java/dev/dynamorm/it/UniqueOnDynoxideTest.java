package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link UniqueSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class UniqueOnDynoxideTest extends UniqueSuite {}
