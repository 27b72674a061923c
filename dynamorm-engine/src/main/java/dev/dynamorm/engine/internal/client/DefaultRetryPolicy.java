package dev.dynamorm.engine.internal.client;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before attempt n+1 wait a random time in [0, min(cap, base
 * * 2^(n-1))], at most {@code maxAttempts} attempts and {@code maxElapsed} in all.
 */
public final class DefaultRetryPolicy implements RetryPolicy {

    public static final DefaultRetryPolicy STANDARD =
            new DefaultRetryPolicy(
                    Duration.ofMillis(25), Duration.ofSeconds(1), 8, Duration.ofSeconds(20));

    private final long baseNanos;
    private final long capNanos;
    private final int maxAttempts;
    private final Duration maxElapsed;

    public DefaultRetryPolicy(Duration base, Duration cap, int maxAttempts, Duration maxElapsed) {
        this.baseNanos = base.toNanos();
        this.capNanos = cap.toNanos();
        this.maxAttempts = maxAttempts;
        this.maxElapsed = maxElapsed;
    }

    @Override
    public Optional<Duration> nextDelay(int attempts, Duration elapsed, DynamORMException failure) {
        if (attempts >= maxAttempts || elapsed.compareTo(maxElapsed) >= 0) {
            return Optional.empty();
        }
        long ceiling = Math.min(capNanos, baseNanos << Math.min(attempts - 1, 30));
        return Optional.of(Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1)));
    }

    @Override
    public String toString() {
        return "DefaultRetryPolicy[maxAttempts=" + maxAttempts + ", maxElapsed=" + maxElapsed + "]";
    }
}
