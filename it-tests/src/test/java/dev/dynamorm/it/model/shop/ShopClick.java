package dev.dynamorm.it.model.shop;

import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Version;

/** A click event; every member of its family is versioned. */
public record ShopClick(@PartitionKey String id, String page, @Version long version)
        implements ShopEvent {}
