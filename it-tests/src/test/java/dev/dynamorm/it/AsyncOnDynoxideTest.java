package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class AsyncOnDynoxideTest extends AsyncSuite {}
