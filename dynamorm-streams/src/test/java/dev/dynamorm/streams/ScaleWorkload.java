package dev.dynamorm.streams;

import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.streams.Models.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The writes of {@link StreamScaleTest}: from several threads, 65 % puts (inserts or updates), 20 %
 * deletes and 15 % puts of items already expired (which the TTL sweeper then deletes). Each thread
 * writes its own keys, so the state every key ends in is known here without reading the table: the
 * last put, or nothing after a delete or an expired put.
 */
final class ScaleWorkload {
    private static final List<String> STATUSES = List.of("NEW", "PAID", "SHIPPED");

    private final Map<Key, Optional<Order>> expected = new HashMap<>();
    private final Set<Key> lastExpired = new HashSet<>();
    private int written;

    /**
     * Runs {@code writes} writes from {@code threads} threads; returns when all are acknowledged.
     */
    static ScaleWorkload run(Table<Order> orders, int threads, int writes) throws Exception {
        ScaleWorkload w = new ScaleWorkload();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<Key, Order[]>>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> write(orders, thread, writes / threads)));
            }
            for (Future<Map<Key, Order[]>> f : done) {
                for (Map.Entry<Key, Order[]> e : f.get().entrySet()) {
                    Order last = e.getValue()[0];
                    boolean expired = last != null && last.expiresAt() != null;
                    w.expected.put(
                            e.getKey(), expired ? Optional.empty() : Optional.ofNullable(last));
                    if (expired) {
                        w.lastExpired.add(e.getKey());
                    }
                }
            }
            w.written = writes / threads * threads;
        } finally {
            pool.shutdown();
        }
        return w;
    }

    /** One thread's writes; returns each key's last written item (null after a delete). */
    private static Map<Key, Order[]> write(Table<Order> orders, int thread, int count) {
        SplittableRandom r = new SplittableRandom(thread);
        Map<Key, Order[]> last = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String customer = "c" + r.nextInt(20);
            String id = "t" + thread + "-" + r.nextInt(1500);
            String status = STATUSES.get(r.nextInt(3));
            Key key = Key.of(customer, id);
            int op = r.nextInt(100);
            Order item;
            if (op < 65) {
                item = Order.of(customer, id, status, r.nextInt(1000));
                orders.put(item);
            } else if (op < 85) {
                item = null;
                orders.delete(key);
            } else {
                // whole seconds: the TTL attribute is stored as epoch seconds
                Instant past = Instant.ofEpochSecond(Instant.now().getEpochSecond() - 1);
                item = new Order(customer, id, status, r.nextInt(1000), null, past);
                orders.put(item);
            }
            last.put(key, new Order[] {item});
        }
        return last;
    }

    /** Every key written, with the item it ends as (empty when deleted or expired). */
    Map<Key, Optional<Order>> expected() {
        return expected;
    }

    /** The keys whose last write was a put of an expired item: the TTL sweeper deletes them. */
    Set<Key> lastExpired() {
        return lastExpired;
    }

    /** The number of acknowledged writes. */
    int written() {
        return written;
    }
}
