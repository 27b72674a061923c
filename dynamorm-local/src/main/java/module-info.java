/**
 * dynamorm-local: an in-memory, DynamoDB-compatible engine for tests and local development. Start
 * one with {@link dev.dynamorm.local.LocalDynamoDb#start()}.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.dynamorm.local {
    requires transitive software.amazon.awssdk.services.dynamodb;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.identity.spi;
    requires software.amazon.awssdk.utils;
    requires com.fasterxml.jackson.core;
    // only the standalone server (Main) tunes the collector, and only where the JDK has them
    requires static java.management;
    requires static jdk.management;

    exports dev.dynamorm.local;
}
