package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncLostAnswersSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class AsyncLostAnswersOnEmbeddedTest extends AsyncLostAnswersSuite {}
