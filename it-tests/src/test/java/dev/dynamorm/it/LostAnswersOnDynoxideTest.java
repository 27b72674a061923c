package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link LostAnswersSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class LostAnswersOnDynoxideTest extends LostAnswersSuite {}
