package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncLostAnswersSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class AsyncLostAnswersOnDynoxideTest extends AsyncLostAnswersSuite {}
