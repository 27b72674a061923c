package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TenancySuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class TenancyOnDynaliteTest extends TenancySuite {}
