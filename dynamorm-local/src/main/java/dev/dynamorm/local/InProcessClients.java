package dev.dynamorm.local;

import dev.dynamorm.local.internal.engine.Engine;
import dev.dynamorm.local.internal.http.InProcessHttpClient;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The SDK clients wired to an engine in-process. Built on first use only: the SDK's classes are
 * about a third of what a server that is never called in-process would otherwise load at start.
 */
final class InProcessClients implements AutoCloseable {
    private static final URI IN_PROCESS_ENDPOINT = URI.create("http://dynamorm-local");

    private final InProcessHttpClient inProcess;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streamsClient;

    InProcessClients(Engine engine, String region) {
        this.inProcess = new InProcessHttpClient(engine);
        this.client =
                DynamoDbClient.builder()
                        .httpClient(inProcess)
                        .region(Region.of(region))
                        // the engine checks no signature: anonymous credentials spare the SDK the
                        // SigV4 work on every call
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .endpointOverride(IN_PROCESS_ENDPOINT)
                        .build();
        this.streamsClient =
                DynamoDbStreamsClient.builder()
                        .httpClient(inProcess)
                        .region(Region.of(region))
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .endpointOverride(IN_PROCESS_ENDPOINT)
                        .build();
    }

    DynamoDbClient client() {
        return client;
    }

    DynamoDbStreamsClient streamsClient() {
        return streamsClient;
    }

    @Override
    public void close() {
        // the SDK leaves a caller-supplied HTTP client open: close it so the client refuses calls
        inProcess.close();
        client.close();
        streamsClient.close();
    }
}
