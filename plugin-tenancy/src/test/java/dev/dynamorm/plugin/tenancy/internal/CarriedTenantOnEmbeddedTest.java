package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link CarriedTenantSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class CarriedTenantOnEmbeddedTest extends CarriedTenantSuite {}
