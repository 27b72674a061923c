package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncErrorParitySuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class AsyncErrorParityOnDynoxideTest extends AsyncErrorParitySuite {}
