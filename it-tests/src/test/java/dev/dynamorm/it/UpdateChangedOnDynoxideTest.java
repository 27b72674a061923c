package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link UpdateChangedSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class UpdateChangedOnDynoxideTest extends UpdateChangedSuite {}
