package dev.dynamorm.it.model.shop;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/** An order of the shop family; {@code name} is shared with customers (same attribute, type). */
@Discriminator("ORDER")
public record ShopOrder(
        @PartitionKey @Attribute("PK") String pk,
        @SortKey @Attribute("SK") String sk,
        String name,
        long totalCents,
        String status)
        implements ShopItem {}
