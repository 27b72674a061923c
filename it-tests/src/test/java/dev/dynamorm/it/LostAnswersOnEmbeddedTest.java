package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link LostAnswersSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class LostAnswersOnEmbeddedTest extends LostAnswersSuite {}
