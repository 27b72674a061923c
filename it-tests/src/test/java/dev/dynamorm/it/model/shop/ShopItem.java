package dev.dynamorm.it.model.shop;

import dev.dynamorm.annotations.DynamoTable;

/**
 * An entity family: customers, orders and notes in one table, told apart by the {@code kind}
 * attribute.
 */
@DynamoTable(value = "shop", discriminator = "kind")
public sealed interface ShopItem permits ShopCustomer, ShopOrder, ShopNote {

    /** The partition key every member declares. */
    String pk();

    /** The sort key every member declares. */
    String sk();
}
