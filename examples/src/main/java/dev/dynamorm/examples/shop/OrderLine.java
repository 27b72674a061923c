package dev.dynamorm.examples.shop;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * One line of an order, stored in the customer's partition after its order.
 *
 * @param pk the customer's partition key
 * @param sk the sort key, {@code ORDER#<id>#LINE#<n>}
 * @param sku the product
 * @param quantity how many
 */
@Discriminator("LINE")
public record OrderLine(
        @PartitionKey @Attribute("PK") String pk,
        @SortKey @Attribute("SK") String sk,
        String sku,
        int quantity)
        implements ShopItem {}
