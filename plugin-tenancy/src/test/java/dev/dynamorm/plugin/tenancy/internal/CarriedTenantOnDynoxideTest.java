package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CarriedTenantSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class CarriedTenantOnDynoxideTest extends CarriedTenantSuite {}
