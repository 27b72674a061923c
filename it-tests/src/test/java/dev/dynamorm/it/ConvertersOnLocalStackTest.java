package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link ConvertersSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class ConvertersOnLocalStackTest extends ConvertersSuite {}
