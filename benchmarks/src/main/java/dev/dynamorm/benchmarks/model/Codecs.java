package dev.dynamorm.benchmarks.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hand-written conversions between the models and {@code Map<String, AttributeValue>}: the code a
 * developer writes against the low-level SDK — direct accessor calls, one {@code HashMap}, no
 * reflection, null checks on reference fields, numbers through {@code Long.toString}/{@code parseLong},
 * instants through {@code Instant.toString}/{@code parse}. The baseline of every suite.
 */
public final class Codecs {

    private Codecs() {
    }

    // ---- small ----

    /**
     * @param s the item
     * @return its attributes
     */
    public static Map<String, AttributeValue> toItem(SmallItem s) {
        Map<String, AttributeValue> m = new HashMap<>(8);
        m.put("id", AttributeValue.fromS(s.id()));
        if (s.name() != null) {
            m.put("name", AttributeValue.fromS(s.name()));
        }
        m.put("quantity", AttributeValue.fromN(Integer.toString(s.quantity())));
        m.put("priceCents", AttributeValue.fromN(Long.toString(s.priceCents())));
        m.put("active", AttributeValue.fromBool(s.active()));
        return m;
    }

    /**
     * @param m the attributes
     * @return the item
     */
    public static SmallItem smallFromItem(Map<String, AttributeValue> m) {
        return new SmallItem(s(m, "id"), s(m, "name"), i(m, "quantity"), l(m, "priceCents"), b(m, "active"));
    }

    // ---- typical ----

    /**
     * @param o the order
     * @return its attributes
     */
    public static Map<String, AttributeValue> toItem(Order o) {
        Map<String, AttributeValue> m = new HashMap<>(32);
        m.put("customerId", AttributeValue.fromS(o.customerId()));
        m.put("orderId", AttributeValue.fromS(o.orderId()));
        if (o.status() != null) {
            m.put("status", AttributeValue.fromS(o.status()));
        }
        if (o.createdAt() != null) {
            m.put("createdAt", AttributeValue.fromS(o.createdAt().toString()));
        }
        m.put("totalCents", AttributeValue.fromN(Long.toString(o.totalCents())));
        m.put("itemCount", AttributeValue.fromN(Integer.toString(o.itemCount())));
        m.put("discount", AttributeValue.fromN(Double.toString(o.discount())));
        if (o.currency() != null) {
            m.put("currency", AttributeValue.fromS(o.currency()));
        }
        m.put("gift", AttributeValue.fromBool(o.gift()));
        if (o.tags() != null) {
            List<AttributeValue> tags = new ArrayList<>(o.tags().size());
            for (String t : o.tags()) {
                tags.add(AttributeValue.fromS(t));
            }
            m.put("tags", AttributeValue.fromL(tags));
        }
        if (o.attributes() != null) {
            Map<String, AttributeValue> attributes = new HashMap<>(o.attributes().size() * 2);
            for (Map.Entry<String, String> e : o.attributes().entrySet()) {
                attributes.put(e.getKey(), AttributeValue.fromS(e.getValue()));
            }
            m.put("attributes", AttributeValue.fromM(attributes));
        }
        if (o.shippingAddress() != null) {
            m.put("shippingAddress", AttributeValue.fromM(toMap(o.shippingAddress())));
        }
        if (o.note() != null) {
            m.put("note", AttributeValue.fromS(o.note()));
        }
        if (o.channel() != null) {
            m.put("channel", AttributeValue.fromS(o.channel()));
        }
        m.put("priority", AttributeValue.fromN(Integer.toString(o.priority())));
        return m;
    }

    private static Map<String, AttributeValue> toMap(Address a) {
        Map<String, AttributeValue> m = new HashMap<>(8);
        if (a.street() != null) {
            m.put("street", AttributeValue.fromS(a.street()));
        }
        if (a.city() != null) {
            m.put("city", AttributeValue.fromS(a.city()));
        }
        if (a.postalCode() != null) {
            m.put("postalCode", AttributeValue.fromS(a.postalCode()));
        }
        if (a.country() != null) {
            m.put("country", AttributeValue.fromS(a.country()));
        }
        return m;
    }

    /**
     * @param m the attributes
     * @return the order
     */
    public static Order orderFromItem(Map<String, AttributeValue> m) {
        AttributeValue created = m.get("createdAt");
        AttributeValue discount = m.get("discount");
        AttributeValue tags = m.get("tags");
        List<String> tagList = null;
        if (tags != null) {
            tagList = new ArrayList<>(tags.l().size());
            for (AttributeValue t : tags.l()) {
                tagList.add(t.s());
            }
        }
        AttributeValue attributes = m.get("attributes");
        Map<String, String> attributeMap = null;
        if (attributes != null) {
            attributeMap = new HashMap<>(attributes.m().size() * 2);
            for (Map.Entry<String, AttributeValue> e : attributes.m().entrySet()) {
                attributeMap.put(e.getKey(), e.getValue().s());
            }
        }
        AttributeValue address = m.get("shippingAddress");
        Address shipping = null;
        if (address != null) {
            Map<String, AttributeValue> a = address.m();
            shipping = new Address(s(a, "street"), s(a, "city"), s(a, "postalCode"), s(a, "country"));
        }
        return new Order(s(m, "customerId"), s(m, "orderId"), s(m, "status"),
                created == null ? null : Instant.parse(created.s()), l(m, "totalCents"), i(m, "itemCount"),
                discount == null ? 0 : Double.parseDouble(discount.n()), s(m, "currency"), b(m, "gift"), tagList,
                attributeMap, shipping, s(m, "note"), s(m, "channel"), i(m, "priority"));
    }

    // ---- large ----

    /**
     * @param w the item
     * @return its attributes
     */
    public static Map<String, AttributeValue> toItem(Wide w) {
        return WideCodec.toItem(w);
    }

    /**
     * @param m the attributes
     * @return the item
     */
    public static Wide wideFromItem(Map<String, AttributeValue> m) {
        return WideCodec.fromItem(m);
    }

    // ---- helpers ----

    static String s(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null ? null : v.s();
    }

    static long l(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    static int i(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null ? 0 : Integer.parseInt(v.n());
    }

    static boolean b(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
