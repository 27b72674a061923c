package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TenantTypesSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class TenantTypesOnDynoxideTest extends TenantTypesSuite {}
