package dev.dynamorm.it.model.shop;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/** A customer of the shop family, with an explicit discriminator value and an index. */
@Discriminator("CUSTOMER")
public record ShopCustomer(
        @PartitionKey @Attribute("PK") String pk,
        @SortKey @Attribute("SK") String sk,
        String name,
        @IndexKey(index = "by-email") String email)
        implements ShopItem {}
