package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.benchmarks.model.Indexed;
import dev.dynamorm.benchmarks.model.Order;
import dev.dynamorm.benchmarks.model.SmallItem;
import dev.dynamorm.benchmarks.model.Wide;
import java.util.Locale;

/**
 * Registers the four benchmark models one after the other in a fresh JVM and prints how long each
 * took: the program to run under a profiler when looking into {@link RegistrationBenchmark}'s
 * numbers (see the benchmarks README). Not a measurement itself: one run, no statistics.
 */
public final class RegistrationProbe {

    private RegistrationProbe() {}

    /**
     * Runs the probe.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (DynamORM db = OrmClients.dynamorm(OrmClients.sdk(new CannedHttpClient()))) {
            long t0 = System.nanoTime();
            db.table(SmallItem.class);
            long t1 = System.nanoTime();
            db.table(Order.class);
            long t2 = System.nanoTime();
            db.table(Wide.class);
            long t3 = System.nanoTime();
            db.table(Indexed.class);
            long t4 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "small %.2f ms, order %.2f ms, wide %.2f ms, indexed %.2f ms%n",
                    (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6,
                    (t3 - t2) / 1e6,
                    (t4 - t3) / 1e6);
        }
    }
}
