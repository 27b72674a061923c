package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TamperSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class TamperOnDynoxideTest extends TamperSuite {}
