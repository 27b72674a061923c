package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link MultiAttributeKeysSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class MultiAttributeKeysOnDynoxideTest extends MultiAttributeKeysSuite {}
