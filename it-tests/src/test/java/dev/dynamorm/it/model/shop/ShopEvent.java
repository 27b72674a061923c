package dev.dynamorm.it.model.shop;

import dev.dynamorm.annotations.DynamoTable;

/** An entity family with a fallback member for discriminator values no member declares. */
@DynamoTable("shop_events")
public sealed interface ShopEvent permits ShopClick, UnknownShopEvent {}
