package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TenantTypesSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class TenantTypesOnDynaliteTest extends TenantTypesSuite {}
