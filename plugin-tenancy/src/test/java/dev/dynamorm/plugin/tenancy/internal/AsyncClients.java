package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.test.BackendContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The async client the tenancy suites give DynamORM: Netty on a shared event loop. */
final class AsyncClients {

    private AsyncClients() {}

    /** An async client to {@code backend} whose I/O runs on {@code loop}. */
    static DynamoDbAsyncClient of(BackendContext backend, SdkEventLoopGroup loop) {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(backend.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop))
                .build();
    }
}
