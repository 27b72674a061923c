package dev.dynamorm.it;

import dev.dynamorm.test.BackendContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * The async client the async suites talk to a backend with: a real Netty client over HTTP on the
 * suite's shared event loop (so closing a client does not wait out Netty's quiet period); each
 * suite adds what it needs and builds it.
 */
final class BackendAsyncClients {

    private BackendAsyncClients() {}

    /** A builder for a Netty async client to {@code backend}'s endpoint on {@code loop}. */
    static DynamoDbAsyncClientBuilder builder(BackendContext backend, SdkEventLoopGroup loop) {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(backend.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop));
    }
}
