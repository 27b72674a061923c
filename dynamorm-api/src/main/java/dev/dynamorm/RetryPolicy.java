package dev.dynamorm;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether, and after what delay, a failed request is sent again.
 *
 * <p>Only failures whose {@link DynamORMException#isRetryable()} is true are offered to the policy.
 */
public interface RetryPolicy {

    /**
     * The delay before the next attempt.
     *
     * @param attempts how many attempts have failed so far (1 after the first failure)
     * @param elapsed time since the first attempt started
     * @param failure the latest failure
     * @return the delay, or empty to give up and raise {@code failure}
     */
    Optional<Duration> nextDelay(int attempts, Duration elapsed, DynamORMException failure);

    /**
     * A policy that never retries.
     *
     * @return the policy
     */
    static RetryPolicy none() {
        return (attempts, elapsed, failure) -> Optional.empty();
    }
}
