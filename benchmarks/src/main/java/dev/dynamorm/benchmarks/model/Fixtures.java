package dev.dynamorm.benchmarks.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data every suite uses: the same values as records (DynamORM, hand-written) and as beans
 * (Enhanced Client).
 */
public final class Fixtures {

    private static final Instant CREATED = Instant.parse("2026-03-14T09:26:53.589Z");

    private Fixtures() {}

    /**
     * @param n a number that varies the key @return a small item
     */
    public static SmallItem small(int n) {
        return new SmallItem("item-" + n, "Blue pen", 12, 1999L + n, true);
    }

    /**
     * @param s a record @return its bean twin
     */
    public static SmallBean bean(SmallItem s) {
        SmallBean b = new SmallBean();
        b.setId(s.id());
        b.setName(s.name());
        b.setQuantity(s.quantity());
        b.setPriceCents(s.priceCents());
        b.setActive(s.active());
        return b;
    }

    /**
     * A typical order of customer {@code c-<customer>}.
     *
     * @param customer the customer number
     * @param n the order number
     * @return the order
     */
    public static Order order(int customer, int n) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("source", "web");
        attributes.put("campaign", "spring-sale");
        attributes.put("coupon", "SAVE10");
        return new Order(
                "c-" + customer,
                String.format("o-%06d", n),
                "NEW",
                CREATED.plusSeconds(n),
                12_345L + n,
                3,
                0.15,
                "EUR",
                false,
                List.of("express", "fragile", "priority"),
                attributes,
                new Address("1 Main Street", "Springfield", "12345", "US"),
                null,
                "web",
                2);
    }

    /**
     * @param o a record @return its bean twin
     */
    public static OrderBean bean(Order o) {
        OrderBean b = new OrderBean();
        b.setCustomerId(o.customerId());
        b.setOrderId(o.orderId());
        b.setStatus(o.status());
        b.setCreatedAt(o.createdAt());
        b.setTotalCents(o.totalCents());
        b.setItemCount(o.itemCount());
        b.setDiscount(o.discount());
        b.setCurrency(o.currency());
        b.setGift(o.gift());
        b.setTags(o.tags());
        b.setAttributes(o.attributes());
        if (o.shippingAddress() != null) {
            AddressBean a = new AddressBean();
            a.setStreet(o.shippingAddress().street());
            a.setCity(o.shippingAddress().city());
            a.setPostalCode(o.shippingAddress().postalCode());
            a.setCountry(o.shippingAddress().country());
            b.setShippingAddress(a);
        }
        b.setNote(o.note());
        b.setChannel(o.channel());
        b.setPriority(o.priority());
        return b;
    }

    /**
     * @param n a number that varies the key and values @return a large item
     */
    public static Wide wide(int n) {
        return WideFixture.wide(n);
    }

    /**
     * @param w a record @return its bean twin
     */
    public static WideBean bean(Wide w) {
        return WideFixture.bean(w);
    }
}
