package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link KeyTemplatesSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class KeyTemplatesOnEmbeddedTest extends KeyTemplatesSuite {}
