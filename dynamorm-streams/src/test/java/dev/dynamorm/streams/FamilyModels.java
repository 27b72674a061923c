package dev.dynamorm.streams;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/** An entity family for the streams tests: customers and their orders in one table. */
final class FamilyModels {
    private FamilyModels() {}

    /** The family: every member shares the table and its keys. */
    @DynamoTable(value = "shop", discriminator = "kind")
    public sealed interface ShopItem permits Customer, ShopOrder {}

    /** A customer profile item. */
    @Discriminator("CUSTOMER")
    public record Customer(
            @PartitionKey @Attribute("PK") String pk,
            @SortKey @Attribute("SK") String sk,
            String name)
            implements ShopItem {}

    /** An order item. */
    @Discriminator("ORDER")
    public record ShopOrder(
            @PartitionKey @Attribute("PK") String pk,
            @SortKey @Attribute("SK") String sk,
            String status,
            long totalCents)
            implements ShopItem {}
}
