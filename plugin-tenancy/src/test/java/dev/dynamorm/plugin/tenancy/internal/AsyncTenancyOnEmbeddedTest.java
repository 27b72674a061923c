package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link AsyncTenancySuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class AsyncTenancyOnEmbeddedTest extends AsyncTenancySuite {}
