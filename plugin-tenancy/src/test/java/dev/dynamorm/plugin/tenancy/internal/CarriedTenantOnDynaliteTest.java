package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CarriedTenantSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class CarriedTenantOnDynaliteTest extends CarriedTenantSuite {}
