package dev.dynamorm.examples.shop;

import dev.dynamorm.annotations.DynamoTable;

/**
 * Everything the shop stores: one table, one sealed family of record types, keys built from
 * templates, two overloaded indexes.
 */
@DynamoTable(value = "shop", discriminator = "kind")
public sealed interface ShopItem permits Customer, ShopOrder, OrderLine {}
