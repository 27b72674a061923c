package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ConvertersSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class ConvertersOnDynoxideTest extends ConvertersSuite {}
