package dev.dynamorm.test;

import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A started backend, shared by all test classes of the JVM that use it.
 */
interface RunningServer extends AutoCloseable {

    /** A thread-safe client talking to the server. */
    DynamoDbClient client();

    /** The server's HTTP endpoint. */
    URI endpoint();

    /** Whether table prefixes need a per-run token, because the server outlives this JVM. */
    default boolean sharedAcrossRuns() {
        return false;
    }

    /** Stops the server (if the kit started it) and closes the client; never throws. */
    @Override
    void close();
}
