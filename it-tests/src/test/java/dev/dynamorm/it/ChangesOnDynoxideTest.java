package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ChangesSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class ChangesOnDynoxideTest extends ChangesSuite {}
