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
 * reflection, null checks on reference fields, numbers through {@code Long.toString}/{@code
 * parseLong}, instants through {@code Instant.toString}/{@code parse}, attribute values through the
 * SDK's builder-free factories ({@code AttributeValue.createS} etc., the fastest way the SDK
 * offers; the older {@code fromS} goes through a builder). The baseline of every suite.
 */
public final class Codecs {

    private Codecs() {}

    // ---- small ----

    /**
     * @param s the item
     * @return its attributes
     */
    public static Map<String, AttributeValue> toItem(SmallItem s) {
        Map<String, AttributeValue> m = new HashMap<>(8);
        m.put("id", AttributeValue.createS(s.id()));
        if (s.name() != null) {
            m.put("name", AttributeValue.createS(s.name()));
        }
        m.put("quantity", AttributeValue.createN(Integer.toString(s.quantity())));
        m.put("priceCents", AttributeValue.createN(Long.toString(s.priceCents())));
        m.put("active", AttributeValue.createBool(s.active()));
        return m;
    }

    /**
     * @param m the attributes
     * @return the item
     */
    public static SmallItem smallFromItem(Map<String, AttributeValue> m) {
        return new SmallItem(
                s(m, "id"), s(m, "name"), i(m, "quantity"), l(m, "priceCents"), b(m, "active"));
    }

    // ---- typical ----

    /**
     * @param o the order
     * @return its attributes
     */
    public static Map<String, AttributeValue> toItem(Order o) {
        Map<String, AttributeValue> m = new HashMap<>(32);
        m.put("customerId", AttributeValue.createS(o.customerId()));
        m.put("orderId", AttributeValue.createS(o.orderId()));
        if (o.status() != null) {
            m.put("status", AttributeValue.createS(o.status()));
        }
        if (o.createdAt() != null) {
            m.put("createdAt", AttributeValue.createS(o.createdAt().toString()));
        }
        m.put("totalCents", AttributeValue.createN(Long.toString(o.totalCents())));
        m.put("itemCount", AttributeValue.createN(Integer.toString(o.itemCount())));
        m.put("discount", AttributeValue.createN(Double.toString(o.discount())));
        if (o.currency() != null) {
            m.put("currency", AttributeValue.createS(o.currency()));
        }
        m.put("gift", AttributeValue.createBool(o.gift()));
        if (o.tags() != null) {
            List<AttributeValue> tags = new ArrayList<>(o.tags().size());
            for (String t : o.tags()) {
                tags.add(AttributeValue.createS(t));
            }
            m.put("tags", AttributeValue.createL(tags));
        }
        if (o.attributes() != null) {
            Map<String, AttributeValue> attributes = new HashMap<>(o.attributes().size() * 2);
            for (Map.Entry<String, String> e : o.attributes().entrySet()) {
                attributes.put(e.getKey(), AttributeValue.createS(e.getValue()));
            }
            m.put("attributes", AttributeValue.createM(attributes));
        }
        if (o.shippingAddress() != null) {
            m.put("shippingAddress", AttributeValue.createM(toMap(o.shippingAddress())));
        }
        if (o.note() != null) {
            m.put("note", AttributeValue.createS(o.note()));
        }
        if (o.channel() != null) {
            m.put("channel", AttributeValue.createS(o.channel()));
        }
        m.put("priority", AttributeValue.createN(Integer.toString(o.priority())));
        return m;
    }

    private static Map<String, AttributeValue> toMap(Address a) {
        Map<String, AttributeValue> m = new HashMap<>(8);
        if (a.street() != null) {
            m.put("street", AttributeValue.createS(a.street()));
        }
        if (a.city() != null) {
            m.put("city", AttributeValue.createS(a.city()));
        }
        if (a.postalCode() != null) {
            m.put("postalCode", AttributeValue.createS(a.postalCode()));
        }
        if (a.country() != null) {
            m.put("country", AttributeValue.createS(a.country()));
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
            shipping =
                    new Address(s(a, "street"), s(a, "city"), s(a, "postalCode"), s(a, "country"));
        }
        return new Order(
                s(m, "customerId"),
                s(m, "orderId"),
                s(m, "status"),
                created == null ? null : Instant.parse(created.s()),
                l(m, "totalCents"),
                i(m, "itemCount"),
                discount == null ? 0 : Double.parseDouble(discount.n()),
                s(m, "currency"),
                b(m, "gift"),
                tagList,
                attributeMap,
                shipping,
                s(m, "note"),
                s(m, "channel"),
                i(m, "priority"));
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
