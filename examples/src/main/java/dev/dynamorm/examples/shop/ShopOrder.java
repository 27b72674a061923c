package dev.dynamorm.examples.shop;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * An order, stored in its customer's partition.
 *
 * @param pk the customer's partition key
 * @param sk the sort key, {@code ORDER#<id>}
 * @param status the order status
 * @param totalCents the order total
 */
@Discriminator("ORDER")
public record ShopOrder(
        @PartitionKey @Attribute("PK") String pk,
        @SortKey @Attribute("SK") String sk,
        String status,
        long totalCents)
        implements ShopItem {}
