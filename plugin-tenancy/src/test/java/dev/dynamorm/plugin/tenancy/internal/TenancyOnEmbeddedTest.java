package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TenancySuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class TenancyOnEmbeddedTest extends TenancySuite {}
