package dev.dynamorm.plugin.encryption.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link RotationSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class RotationOnDynoxideTest extends RotationSuite {}
