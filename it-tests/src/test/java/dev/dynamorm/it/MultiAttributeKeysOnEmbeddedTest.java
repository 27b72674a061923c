package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link MultiAttributeKeysSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class MultiAttributeKeysOnEmbeddedTest extends MultiAttributeKeysSuite {}
