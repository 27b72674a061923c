package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.Operation;
import dev.dynamorm.RetryPolicy;
import dev.dynamorm.Table;
import dev.dynamorm.ThrottledException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.engine.internal.client.DefaultRetryPolicy;
import dev.dynamorm.engine.internal.client.DiscoveredRetryPolicy;
import dev.dynamorm.local.FaultInjection;
import dev.dynamorm.local.LocalDynamoDb;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

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

    /** A discovered policy that counts the failures it was asked about and never retries. */
    public static final class NeverAgain implements RetryPolicy {
        static final AtomicInteger CONSULTED = new AtomicInteger();

        /** For ServiceLoader. */
        public NeverAgain() {}

        @Override
        public Optional<Duration> nextDelay(
                int attempts, Duration elapsed, DynamORMException failure) {
            CONSULTED.incrementAndGet();
            return Optional.empty();
        }
    }

    @DynamoTable("discovered_retry")
    record Note(@PartitionKey String id, String text) {}

    /**
     * The engine looks its policy up only at the first failure (building it loads no retry class),
     * yet through the context class loader current when it was built, not the failing call's.
     */
    @Test
    void anEngineBuiltWithoutAPolicy_failsUnderThePolicyFoundThroughTheLoaderItWasBuiltUnder(
            @TempDir Path services) throws IOException {
        NeverAgain.CONSULTED.set(0);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (LocalDynamoDb local = LocalDynamoDb.start();
                URLClassLoader loader =
                        ServiceFiles.loaderListing(services, RetryPolicy.class, NeverAgain.class)) {
            DynamORM db;
            thread.setContextClassLoader(loader);
            try {
                // the client DynamORM builds: it leaves every retry to DynamORM's policy
                db =
                        DynamORM.builder()
                                .endpoint(local.endpoint())
                                .region(Region.of(local.region()))
                                .credentialsProvider(
                                        StaticCredentialsProvider.create(
                                                AwsBasicCredentials.create("akid", "secret")))
                                .discoverPlugins(false)
                                .build();
            } finally {
                thread.setContextClassLoader(previous);
            }
            try (db) {
                Table<Note> notes = db.table(Note.class);
                notes.createTable();
                notes.put(new Note("n1", "kept"));
                assertThat(NeverAgain.CONSULTED).hasValue(0);

                local.faults(FaultInjection.builder().throttleRate(1.0).build());
                assertThatThrownBy(() -> notes.put(new Note("n1", "lost")))
                        .isInstanceOf(ThrottledException.class);
                assertThat(NeverAgain.CONSULTED).hasValue(1);

                local.faults(FaultInjection.none());
                assertThat(notes.get("n1")).map(Note::text).contains("kept");
            }
        }
    }
}
