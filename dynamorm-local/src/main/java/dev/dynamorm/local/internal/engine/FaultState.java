package dev.dynamorm.local.internal.engine;

import java.util.Random;

/**
 * Runtime fault-injection settings with a seeded random source; draws are serialised so runs
 * repeat.
 */
public final class FaultState {
    public static final FaultState NONE = new FaultState(0, 0, 0, 0, 0);

    private final double throttleRate;
    private final double unprocessedRate;
    private final long latencyMillis;
    private final double conflictRate;
    private final Random random;

    public FaultState(
            long seed,
            double throttleRate,
            double unprocessedRate,
            long latencyMillis,
            double conflictRate) {
        this.throttleRate = throttleRate;
        this.unprocessedRate = unprocessedRate;
        this.latencyMillis = latencyMillis;
        this.conflictRate = conflictRate;
        this.random = new Random(seed);
    }

    long latencyMillis() {
        return latencyMillis;
    }

    private synchronized boolean draw(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    boolean throttle() {
        return draw(throttleRate);
    }

    synchronized boolean throttleAsProvisioned() {
        return random.nextBoolean();
    }

    boolean unprocessed() {
        return draw(unprocessedRate);
    }

    boolean conflict() {
        return draw(conflictRate);
    }
}
