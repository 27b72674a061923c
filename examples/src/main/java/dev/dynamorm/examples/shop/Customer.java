package dev.dynamorm.examples.shop;

import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * A customer: {@code PK = CUSTOMER#<id>}, {@code SK = PROFILE}; the overloaded index {@code GSI1}
 * finds it by email.
 *
 * @param customerId the customer id
 * @param name the customer's name
 * @param email the customer's email
 */
@Discriminator("CUSTOMER")
@PartitionKey(template = "CUSTOMER#{customerId}")
@SortKey(template = "PROFILE")
@IndexKey(index = "GSI1", template = "EMAIL#{email}")
@IndexKey(index = "GSI1", role = KeyRole.SORT, template = "CUSTOMER")
public record Customer(String customerId, String name, String email) implements ShopItem {}
