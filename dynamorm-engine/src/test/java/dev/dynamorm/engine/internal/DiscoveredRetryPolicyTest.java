package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.engine.internal.client.DefaultRetryPolicy;
import dev.dynamorm.engine.internal.client.DiscoveredRetryPolicy;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retry policy of an engine built without one is looked up at the first failure, through the
 * context class loader the engine was built under: the same policy an eager lookup would find.
 */
final class DiscoveredRetryPolicyTest {

    private static final ThrottledException THROTTLED =
            new ThrottledException("throttled", Operation.PUT, null, null);

    /** A discovered policy with a recognisable answer. */
    public static final class SevenMillis implements RetryPolicy {
        /** For ServiceLoader. */
        public SevenMillis() {}

        @Override
        public Optional<Duration> nextDelay(
                int attempts, Duration elapsed, DynamORMException failure) {
            return Optional.of(Duration.ofMillis(7));
        }
    }

    @Test
    void withoutProvider_itIsTheStandardPolicy() {
        DiscoveredRetryPolicy policy = new DiscoveredRetryPolicy();
        assertThat(policy.toString()).contains("looked up at the first failure");
        assertThat(policy.nextDelay(8, Duration.ZERO, THROTTLED)).isEmpty();
        assertThat(policy.nextDelay(1, Duration.ZERO, THROTTLED)).isPresent();
        assertThat(policy.toString()).isEqualTo(DefaultRetryPolicy.STANDARD.toString());
    }

    @Test
    void provider_isFoundThroughTheLoaderCurrentAtConstruction(@TempDir Path services)
            throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                ServiceFiles.loaderListing(services, RetryPolicy.class, SevenMillis.class)) {
            DiscoveredRetryPolicy policy;
            thread.setContextClassLoader(loader);
            try {
                policy = new DiscoveredRetryPolicy();
            } finally {
                thread.setContextClassLoader(previous);
            }
            assertThat(policy.nextDelay(9, Duration.ZERO, THROTTLED))
                    .contains(Duration.ofMillis(7));
            assertThat(policy.toString()).contains(SevenMillis.class.getSimpleName());
        }
    }
}
