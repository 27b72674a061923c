package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Operation;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.engine.internal.client.DefaultRetryPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class DefaultRetryPolicyTest {

    private static final ThrottledException THROTTLED =
            new ThrottledException("throttled", Operation.PUT, null, null);

    @Test
    void nextDelay_isFullJitterUnderTheExponentialCeiling() {
        DefaultRetryPolicy policy =
                new DefaultRetryPolicy(
                        Duration.ofMillis(10), Duration.ofMillis(100), 20, Duration.ofMinutes(1));
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(100, 10L << (attempt - 1));
            long max = 0;
            for (int i = 0; i < 500; i++) {
                Duration d = policy.nextDelay(attempt, Duration.ZERO, THROTTLED).orElseThrow();
                assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
                max = Math.max(max, d.toMillis());
            }
            assertThat(max)
                    .isGreaterThan(ceiling / 2); // spread over the whole range, not a fixed delay
        }
    }

    @Test
    void nextDelay_givesUpAfterMaxAttemptsOrMaxElapsed() {
        DefaultRetryPolicy policy =
                new DefaultRetryPolicy(
                        Duration.ofMillis(1), Duration.ofMillis(5), 3, Duration.ofSeconds(2));
        assertThat(policy.nextDelay(2, Duration.ZERO, THROTTLED)).isPresent();
        assertThat(policy.nextDelay(3, Duration.ZERO, THROTTLED)).isEqualTo(Optional.empty());
        assertThat(policy.nextDelay(1, Duration.ofSeconds(2), THROTTLED)).isEmpty();
    }

    @Test
    void standard_retriesEightTimesAtMost() {
        assertThat(DefaultRetryPolicy.STANDARD.nextDelay(7, Duration.ZERO, THROTTLED)).isPresent();
        assertThat(DefaultRetryPolicy.STANDARD.nextDelay(8, Duration.ZERO, THROTTLED)).isEmpty();
    }
}
