package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncErrorParitySuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class AsyncErrorParityOnEmbeddedTest extends AsyncErrorParitySuite {}
