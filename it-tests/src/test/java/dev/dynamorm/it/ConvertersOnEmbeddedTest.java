package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ConvertersSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class ConvertersOnEmbeddedTest extends ConvertersSuite {}
