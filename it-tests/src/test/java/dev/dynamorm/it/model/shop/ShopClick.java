package dev.dynamorm.it.model.shop;

import dev.dynamorm.annotations.PartitionKey;

/** A click event. */
public record ShopClick(@PartitionKey String id, String page) implements ShopEvent {}
