package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class AsyncOnEmbeddedTest extends AsyncSuite {}
