package dev.dynamorm.local;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Lets the standalone server ({@link Main}) give memory back to the system: G1, the default
 * collector, otherwise keeps the heap it grew to while requests produced garbage, so the process
 * holds several times its live data. A periodic collection when idle and tighter free-heap ratios
 * let G1 shrink the heap to what the stored items need. Only under G1 (plain {@code java -jar}):
 * the launcher's serial collector is left as configured. Options the user set on the command line
 * are left alone; the embedded library never calls this (the host application owns its JVM).
 */
final class ServerMemory {
    private ServerMemory() {}

    /**
     * Adjusts the collector in the background after {@code delayMillis}, so that start-up and the
     * first requests do not wait for it.
     *
     * @return the started thread
     */
    static Thread giveBackWhenIdle(long delayMillis) {
        Thread t = new Tuning(delayMillis);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The tuning thread; a class, not a lambda, as everything {@link Main} runs before a first
     * request.
     */
    private static final class Tuning extends Thread {
        private final long delayMillis;

        Tuning(long delayMillis) {
            super("dynamorm-local-memory");
            this.delayMillis = delayMillis;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                HotSpotDiagnosticMXBean vm =
                        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                if (!vm.getVMOption("UseG1GC").getValue().equals("true")) {
                    // the launcher's serial collector keeps its default
                    // headroom: 10 % would mean a full collection for every
                    // tenth more data while a large load grows the heap
                    return;
                }
                set(vm, "G1PeriodicGCInterval", "5000");
                set(vm, "MinHeapFreeRatio", "10");
                set(vm, "MaxHeapFreeRatio", "20");
            } catch (RuntimeException | LinkageError e) {
                // not HotSpot, or the option is not manageable here: keep defaults
            }
        }
    }

    private static void set(HotSpotDiagnosticMXBean vm, String name, String value) {
        VMOption current = vm.getVMOption(name);
        if (current.getOrigin() == VMOption.Origin.DEFAULT) {
            vm.setVMOption(name, value);
        }
    }
}
