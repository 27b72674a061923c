package dev.dynamorm.engine.internal.client;

import dev.dynamorm.AssumeRole;
import dev.dynamorm.DynamORMConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds the one {@link DynamoDbClient} a {@code DynamORM} instance owns when the user gave
 * settings instead of a client: region, endpoint, credentials, role assumption and pool size. Its
 * SDK retries are off: the engine's {@link dev.dynamorm.RetryPolicy} is the only one that retries.
 */
public final class ClientFactory {

    private ClientFactory() {}

    /** The client and everything that must be closed with it, in closing order. */
    public record OwnedClient(DynamoDbClient client, List<AutoCloseable> resources) {}

    public static OwnedClient build(DynamORMConfig config) {
        List<AutoCloseable> resources = new ArrayList<>();
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        config.region().ifPresent(builder::region);
        config.endpoint().ifPresent(builder::endpointOverride);
        AwsCredentialsProvider credentials = config.credentialsProvider().orElse(null);
        if (config.assumeRole().isPresent()) {
            AssumeRole role = config.assumeRole().get();
            StsClientBuilder sts = StsClient.builder();
            config.region().ifPresent(sts::region);
            if (credentials != null) {
                sts.credentialsProvider(credentials);
            }
            StsClient stsClient = sts.build();
            StsAssumeRoleCredentialsProvider assumed =
                    StsAssumeRoleCredentialsProvider.builder()
                            .stsClient(stsClient)
                            .refreshRequest(
                                    r ->
                                            r.roleArn(role.roleArn())
                                                    .roleSessionName(role.sessionName())
                                                    .externalId(role.externalId()))
                            .build();
            resources.add(assumed);
            resources.add(stsClient);
            credentials = assumed;
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        // ApacheHttpClient (HttpClient 4) is deprecated; its successor, Apache5HttpClient, is in
        // apache5-client (not a dependency) and pools connections differently: a change of its own
        @SuppressWarnings("deprecation")
        ApacheHttpClient.Builder http = ApacheHttpClient.builder();
        if (config.maxConnections() > 0) {
            http.maxConnections(config.maxConnections());
        }
        builder.httpClientBuilder(http);
        // DynamORM's RetryPolicy retries throttling, 5xx, network errors and conflicts; SDK retries
        // inside each attempt would multiply the attempts and the wait, so they are off
        builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        DynamoDbClient client = builder.build();
        resources.add(0, client);
        return new OwnedClient(client, List.copyOf(resources));
    }
}
