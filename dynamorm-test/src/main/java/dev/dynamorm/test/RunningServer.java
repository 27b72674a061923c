package dev.dynamorm.test;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;

/** A started backend, shared by all test classes of the JVM that use it. */
interface RunningServer extends AutoCloseable {

    /** A thread-safe client talking to the server. */
    DynamoDbClient client();

    /** The server's HTTP endpoint. */
    URI endpoint();

    /**
     * A new client of the server, configured like {@link #client()}, with an interceptor installed;
     * the caller closes it.
     */
    default DynamoDbClient recordingClient(ExecutionInterceptor interceptor) {
        DynamoDbServiceClientConfiguration config = client().serviceClientConfiguration();
        return Clients.forTests(
                config.endpointOverride().orElse(null),
                config.region(),
                config.credentialsProvider(),
                interceptor);
    }

    /** Whether table prefixes need a per-run token, because the server outlives this JVM. */
    default boolean sharedAcrossRuns() {
        return false;
    }

    /** Stops the server (if the kit started it) and closes the client; never throws. */
    @Override
    void close();
}
