package dev.dynamorm.test;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB clients of the kit. The HTTP client is chosen explicitly, so several HTTP
 * implementations on the test path do not make the SDK's choice ambiguous.
 */
final class Clients {

    /** Credentials local servers accept: they check the signature's form, not the key. */
    static final AwsCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dynamorm", "dynamorm"));

    private Clients() {}

    /** A client for tests: region us-east-1 unless given, the SDK's standard retries. */
    static DynamoDbClient forTests(
            URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return forTests(endpoint, region, credentials, null);
    }

    /** A client for tests with an interceptor (or null for none). */
    static DynamoDbClient forTests(
            URI endpoint,
            Region region,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            ExecutionInterceptor interceptor) {
        var builder =
                DynamoDbClient.builder()
                        .region(region)
                        .credentialsProvider(credentials)
                        .httpClientBuilder(
                                Apache5HttpClient.builder()
                                        .maxConnections(64)
                                        .connectionTimeout(Duration.ofSeconds(5))
                                        .socketTimeout(Duration.ofSeconds(60)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (interceptor != null) {
            builder.overrideConfiguration(o -> o.addExecutionInterceptor(interceptor));
        }
        return builder.build();
    }

    /** A client for readiness probes: no retries, short timeouts, so polling stays fast. */
    static DynamoDbClient forProbes(
            URI endpoint, Region region, AwsCredentialsProvider credentials) {
        var builder =
                DynamoDbClient.builder()
                        .region(region)
                        .credentialsProvider(credentials)
                        .overrideConfiguration(
                                o ->
                                        o.retryStrategy(AwsRetryStrategy.doNotRetry())
                                                .apiCallTimeout(Duration.ofSeconds(3)))
                        .httpClientBuilder(
                                Apache5HttpClient.builder()
                                        .maxConnections(1)
                                        .connectionTimeout(Duration.ofMillis(500))
                                        .socketTimeout(Duration.ofSeconds(3)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    static URI loopback(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
