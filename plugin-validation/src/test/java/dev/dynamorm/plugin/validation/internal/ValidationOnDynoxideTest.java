package dev.dynamorm.plugin.validation.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ValidationSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class ValidationOnDynoxideTest extends ValidationSuite {}
