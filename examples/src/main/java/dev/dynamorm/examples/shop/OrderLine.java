package dev.dynamorm.examples.shop;

import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * One line of an order, stored in the customer's partition after its order ({@code SK =
 * ORDER#<id>#LINE#<n>}) and under the order in {@code GSI1}.
 *
 * @param customerId the customer who ordered
 * @param orderId the order
 * @param lineNo the line number
 * @param sku the product
 * @param quantity how many
 */
@Discriminator("LINE")
@PartitionKey(template = "CUSTOMER#{customerId}")
@SortKey(template = "ORDER#{orderId}#LINE#{lineNo}")
@IndexKey(index = "GSI1", template = "ORDER#{orderId}")
@IndexKey(index = "GSI1", role = KeyRole.SORT, template = "LINE#{lineNo}")
public record OrderLine(String customerId, String orderId, int lineNo, String sku, int quantity)
        implements ShopItem {}
