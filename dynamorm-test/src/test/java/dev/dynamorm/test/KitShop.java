package dev.dynamorm.test;

import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Unique;
import java.time.Instant;

/**
 * The single-table models of the kit's own tests: an entity family whose members share one table
 * through key templates; customers have a unique email, orders an index only they declare.
 */
@DynamoTable(value = "kit-shop", discriminator = "kind")
public sealed interface KitShop permits KitShop.Customer, KitShop.Order {

    /** {@code PK = CUSTOMER#<customerId>}, {@code SK = PROFILE}. */
    @Discriminator("CUSTOMER")
    @PartitionKey(template = "CUSTOMER#{customerId}")
    @SortKey(template = "PROFILE")
    record Customer(String customerId, String name, @Unique String email) implements KitShop {}

    /** {@code PK = CUSTOMER#<customerId>}, {@code SK = ORDER#<orderId>}, indexed by status. */
    @Discriminator("ORDER")
    @PartitionKey(template = "CUSTOMER#{customerId}")
    @SortKey(template = "ORDER#{orderId}")
    @IndexKey(index = "by-status", template = "STATUS#{status}")
    @IndexKey(index = "by-status", role = KeyRole.SORT, template = "ORDER#{orderId}")
    record Order(
            String customerId, String orderId, String status, Instant placedAt, long totalCents)
            implements KitShop {}
}
