package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncTenancySuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class AsyncTenancyOnDynaliteTest extends AsyncTenancySuite {}
