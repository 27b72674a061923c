package dev.dynamorm.it.model.shop;

import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Version;

/** What an event of a type this version does not know reads as. */
@Discriminator(value = "UNKNOWN", fallback = true)
public record UnknownShopEvent(@PartitionKey String id, @Version long version)
        implements ShopEvent {}
