package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncErrorParitySuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class AsyncErrorParityOnDynaliteTest extends AsyncErrorParitySuite {}
