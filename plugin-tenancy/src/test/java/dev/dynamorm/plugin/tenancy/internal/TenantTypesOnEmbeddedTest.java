package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TenantTypesSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class TenantTypesOnEmbeddedTest extends TenantTypesSuite {}
