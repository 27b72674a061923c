package dev.dynamorm.plugin.validation.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ValidationSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class ValidationOnEmbeddedTest extends ValidationSuite {}
