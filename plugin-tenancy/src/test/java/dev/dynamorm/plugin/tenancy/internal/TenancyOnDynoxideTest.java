package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TenancySuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class TenancyOnDynoxideTest extends TenancySuite {}
