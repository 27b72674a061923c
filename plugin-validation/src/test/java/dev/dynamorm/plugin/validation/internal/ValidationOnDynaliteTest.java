package dev.dynamorm.plugin.validation.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ValidationSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class ValidationOnDynaliteTest extends ValidationSuite {}
