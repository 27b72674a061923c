package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncUniqueSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class AsyncUniqueOnEmbeddedTest extends AsyncUniqueSuite {}
