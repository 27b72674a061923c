package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link KeyTemplatesSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class KeyTemplatesOnDynoxideTest extends KeyTemplatesSuite {}
