package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.plugin.tenancy.TenantId;
import java.util.UUID;

/** The models of the tenancy tests. */
final class TenantModels {

    private TenantModels() {}

    /** The tenant is the partition key: every access is checked by key. */
    @DynamoTable("invoices")
    public record Invoice(
            @PartitionKey @TenantId String tenant, @SortKey String id, String status, long cents) {}

    /** The tenant is a plain field: queries filter, writes are conditioned. */
    @DynamoTable("docs")
    public record Doc(
            @PartitionKey String folder,
            @SortKey String id,
            @TenantId String tenant,
            String title) {}

    /** No tenant: untouched by the plugin. */
    @DynamoTable("plain")
    public record Plain(@PartitionKey String id, String text) {}

    /** The tenant is a {@code UUID} partition key: stored as text through its converter. */
    @DynamoTable("accounts")
    public record Account(@PartitionKey @TenantId UUID org, @SortKey String id, String name) {}

    /** The tenant is a plain {@code Long} field: stored as a number through its converter. */
    @DynamoTable("ledger")
    public record Entry(@PartitionKey String id, @TenantId Long org, long cents) {}
}
