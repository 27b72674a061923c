package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncTenancySuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class AsyncTenancyOnDynoxideTest extends AsyncTenancySuite {}
