package dev.dynamorm.benchmarks;

import dev.dynamorm.DynamORM;
import dev.dynamorm.plugin.audit.AuditConfig;
import dev.dynamorm.plugin.metrics.MetricsConfig;
import dev.dynamorm.plugin.tracing.TracingConfig;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The clients the ORM suites compare, built the same way for every variant. */
final class OrmClients {

    /** The plugins a "plugins installed" DynamORM must report. */
    static final List<String> ALL_PLUGINS = List.of("audit", "cache", "metrics", "tracing");

    private OrmClients() {}

    /**
     * A low-level client over an in-process HTTP client (no retries: a canned answer never fails).
     */
    static DynamoDbClient sdk(SdkHttpClient http) {
        return DynamoDbClient.builder()
                .httpClient(http)
                .endpointOverride(URI.create("http://localhost:8000"))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("bench", "bench")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /**
     * DynamORM over a client, with plugin discovery off (the plugin jars are on the benchmark class
     * path).
     */
    static DynamORM dynamorm(DynamoDbClient client) {
        return DynamORM.builder().client(client).discoverPlugins(false).build();
    }

    /**
     * DynamORM with every plugin jar installed (discovered) but configured to do nothing: the cache
     * caches no model, audit has no sink, metrics record into a registry without backends, tracing
     * uses the no-op OpenTelemetry.
     */
    static DynamORM dynamormWithIdlePlugins(DynamoDbClient client) {
        DynamORM db =
                DynamORM.builder()
                        .client(client)
                        .pluginConfig(AuditConfig.builder().logSink(false).build())
                        .pluginConfig(MetricsConfig.of(new CompositeMeterRegistry()))
                        .pluginConfig(TracingConfig.of(OpenTelemetry.noop()))
                        .build();
        if (!db.plugins().containsAll(ALL_PLUGINS)) {
            db.close();
            throw new IllegalStateException(
                    "expected the plugins " + ALL_PLUGINS + " installed, found " + db.plugins());
        }
        return db;
    }

    /**
     * The Enhanced Client over a low-level client, with its default extensions (as users get it).
     */
    static DynamoDbEnhancedClient enhanced(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }
}
