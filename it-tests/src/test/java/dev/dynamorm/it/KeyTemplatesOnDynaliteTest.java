package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link KeyTemplatesSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class KeyTemplatesOnDynaliteTest extends KeyTemplatesSuite {}
