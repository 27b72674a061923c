package dev.dynamorm.engine.internal.async;

import dev.dynamorm.local.LocalDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * The async client the async tests talk to dynamorm-local with: a real Netty client over HTTP on
 * the test class's shared event loop (so closing a client does not wait out Netty's quiet period);
 * each test adds its own retry strategy and future-completion executor.
 */
final class LocalAsyncClients {

    private LocalAsyncClients() {}

    /** A builder for a Netty async client to {@code local}'s endpoint on {@code loop}. */
    static DynamoDbAsyncClientBuilder builder(LocalDynamoDb local, SdkEventLoopGroup loop) {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(local.endpoint())
                .region(Region.of(local.region()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("akid", "secret")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop));
    }
}
