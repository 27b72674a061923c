package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncUniqueSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class AsyncUniqueOnDynaliteTest extends AsyncUniqueSuite {}
