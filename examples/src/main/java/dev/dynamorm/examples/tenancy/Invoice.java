package dev.dynamorm.examples.tenancy;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.plugin.tenancy.TenantId;

/**
 * An invoice of one tenant: the README's plugin-tenancy model.
 *
 * @param tenant the tenant, partition key
 * @param id invoice id
 * @param cents amount
 */
@DynamoTable("invoices")
record Invoice(@PartitionKey @TenantId String tenant, @SortKey String id, long cents) {}
