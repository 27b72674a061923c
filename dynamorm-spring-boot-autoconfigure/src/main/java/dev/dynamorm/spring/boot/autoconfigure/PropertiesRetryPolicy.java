package dev.dynamorm.spring.boot.autoconfigure;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter from {@code dynamorm.retry.*}: up to {@code max-attempts}
 * attempts, the n-th retry after a random delay up to {@code min(max-delay, base-delay * 2^(n-1))}.
 */
final class PropertiesRetryPolicy implements RetryPolicy {

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;

    PropertiesRetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    @Override
    public Optional<Duration> nextDelay(int attempts, Duration elapsed, DynamORMException failure) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long cap = baseDelay.toNanos() << Math.min(attempts - 1, 30);
        if (cap <= 0 || cap > maxDelay.toNanos()) {
            cap = maxDelay.toNanos();
        }
        return Optional.of(Duration.ofNanos(ThreadLocalRandom.current().nextLong(cap + 1)));
    }

    @Override
    public String toString() {
        return "PropertiesRetryPolicy[maxAttempts="
                + maxAttempts
                + ", baseDelay="
                + baseDelay
                + ", maxDelay="
                + maxDelay
                + "]";
    }
}
