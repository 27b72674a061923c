package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ConvertersSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class ConvertersOnDynaliteTest extends ConvertersSuite {}
