package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.benchmarks.generated.GenAddress;
import dev.dynamorm.benchmarks.generated.GenOrder;
import dev.dynamorm.benchmarks.generated.GenSmallItem;
import dev.dynamorm.benchmarks.model.SmallItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Registers {@link GenOrder} in a fresh JVM (after {@code SmallItem} and {@code GenSmallItem}, as
 * {@link RegistrationProbe}'s {@code small gsmall gorder}), then puts one order and gets it back
 * through a canned client: the program to count under callgrind when work may move from
 * registration to the first operations (run with {@code -Ddynamorm.callgrindMarks}, see {@link
 * CallgrindMarks}; the dumps are named {@code reg}, {@code put} and {@code get}). Not a measurement
 * itself: one run, no statistics.
 */
public final class FirstUseProbe {

    /** The GetItem response: the order {@link #order()} as stored. */
    private static final String GET_RESPONSE =
            "{\"Item\":{\"customerId\":{\"S\":\"c1\"},\"orderId\":{\"S\":\"o1\"},"
                    + "\"status\":{\"S\":\"NEW\"},"
                    + "\"createdAt\":{\"S\":\"2023-11-14T22:13:20.000000005Z\"},"
                    + "\"totalCents\":{\"N\":\"1234\"},\"itemCount\":{\"N\":\"3\"},"
                    + "\"discount\":{\"N\":\"0.25\"},\"currency\":{\"S\":\"EUR\"},"
                    + "\"gift\":{\"BOOL\":true},\"tags\":{\"L\":[{\"S\":\"a\"},{\"S\":\"b\"}]},"
                    + "\"attributes\":{\"M\":{\"k\":{\"S\":\"v\"}}},"
                    + "\"shippingAddress\":{\"M\":{\"street\":{\"S\":\"s\"},\"city\":{\"S\":\"c\"},"
                    + "\"postalCode\":{\"S\":\"p\"},\"country\":{\"S\":\"FR\"}}},"
                    + "\"note\":{\"S\":\"note\"},\"channel\":{\"S\":\"web\"},"
                    + "\"priority\":{\"N\":\"2\"}}}";

    private FirstUseProbe() {}

    private static GenOrder order() {
        return new GenOrder(
                "c1",
                "o1",
                "NEW",
                Instant.ofEpochSecond(1_700_000_000L, 5),
                1234L,
                3,
                0.25,
                "EUR",
                true,
                List.of("a", "b"),
                Map.of("k", "v"),
                new GenAddress("s", "c", "p", "FR"),
                "note",
                "web",
                2);
    }

    /**
     * Runs the probe.
     *
     * @param args none
     */
    public static void main(String[] args) {
        CannedHttpClient http =
                new CannedHttpClient().respond("GetItem", GET_RESPONSE).respond("PutItem", "{}");
        try (DynamORM db = OrmClients.dynamorm(OrmClients.sdk(http))) {
            db.table(SmallItem.class);
            db.table(GenSmallItem.class);
            GenOrder order = order();
            CallgrindMarks.zero();
            Table<GenOrder> orders = db.table(GenOrder.class);
            CallgrindMarks.dump("reg");
            CallgrindMarks.zero();
            orders.put(order);
            CallgrindMarks.dump("put");
            CallgrindMarks.zero();
            GenOrder got = orders.get("c1", "o1").orElseThrow();
            CallgrindMarks.dump("get");
            if (!got.equals(order)) {
                throw new IllegalStateException("read back " + got + ", put " + order);
            }
            System.out.println("put and got " + got);
        }
    }
}
