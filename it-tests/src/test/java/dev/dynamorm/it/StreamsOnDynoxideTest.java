package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link StreamsSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class StreamsOnDynoxideTest extends StreamsSuite {}
