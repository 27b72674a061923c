package dev.dynamorm.examples.shop;

import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;

/**
 * An order, stored in its customer's partition ({@code SK = ORDER#<id>}); {@code GSI1} finds it
 * with its lines by order id, {@code GSI2} lists orders by status.
 *
 * @param customerId the customer who ordered
 * @param orderId the order id
 * @param status the order status
 * @param totalCents the order total
 */
@Discriminator("ORDER")
@PartitionKey(template = "CUSTOMER#{customerId}")
@SortKey(template = "ORDER#{orderId}")
@IndexKey(index = "GSI1", template = "ORDER#{orderId}")
@IndexKey(index = "GSI1", role = KeyRole.SORT, template = "ORDER")
@IndexKey(index = "GSI2", template = "STATUS#{status}")
@IndexKey(index = "GSI2", role = KeyRole.SORT, template = "ORDER#{orderId}")
public record ShopOrder(String customerId, String orderId, String status, long totalCents)
        implements ShopItem {}
