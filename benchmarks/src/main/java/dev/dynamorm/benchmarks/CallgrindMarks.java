package dev.dynamorm.benchmarks;

/**
 * Marks for counting instructions under callgrind: {@link #zero()} resets the counters, {@link
 * #dump(String)} writes what was counted since into a dump of that name. Backed by the small JNI
 * library built from {@code benchmarks/src/main/c/callgrind_marks.c}, loaded from the path in the
 * system property {@code dynamorm.callgrindMarks}; without it both are no-ops (the run's total is
 * then all there is: count per operation as the difference of two runs of different lengths).
 */
final class CallgrindMarks {

    private static final boolean LOADED = load();

    private CallgrindMarks() {}

    private static boolean load() {
        String path = System.getProperty("dynamorm.callgrindMarks");
        if (path == null) {
            return false;
        }
        System.load(path);
        return true;
    }

    /** Resets callgrind's counters of every thread. */
    static void zero() {
        if (LOADED) {
            zero0();
        }
    }

    /** Dumps (and resets) callgrind's counters, the dump named {@code name}. */
    static void dump(String name) {
        if (LOADED) {
            dump0(name);
        }
    }

    private static native void zero0();

    private static native void dump0(String name);
}
