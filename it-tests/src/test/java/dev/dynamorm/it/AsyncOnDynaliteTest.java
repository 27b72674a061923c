package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class AsyncOnDynaliteTest extends AsyncSuite {}
