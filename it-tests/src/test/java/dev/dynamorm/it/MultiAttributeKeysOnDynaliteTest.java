package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link MultiAttributeKeysSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class MultiAttributeKeysOnDynaliteTest extends MultiAttributeKeysSuite {}
