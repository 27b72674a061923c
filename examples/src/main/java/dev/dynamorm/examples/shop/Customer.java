package dev.dynamorm.examples.shop;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * A customer, stored under its own partition.
 *
 * @param pk the partition key, {@code CUSTOMER#<id>}
 * @param sk the sort key, {@code PROFILE}
 * @param name the customer's name
 * @param email the customer's email
 */
@Discriminator("CUSTOMER")
public record Customer(
        @PartitionKey @Attribute("PK") String pk,
        @SortKey @Attribute("SK") String sk,
        String name,
        String email)
        implements ShopItem {}
