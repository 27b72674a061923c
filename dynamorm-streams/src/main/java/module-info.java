/**
 * DynamORM change data capture: typed {@link dev.dynamorm.streams.ChangeEvent}s decoded from
 * DynamoDB Streams records and Lambda events, a {@link dev.dynamorm.streams.StreamConsumer} with
 * checkpoints and per-shard leases, and materialized views.
 */
module dev.dynamorm.streams {
    // Table, Key and the SDK's Record and DynamoDbStreamsClient appear in public signatures
    requires transitive dev.dynamorm.api;
    requires org.slf4j;
    // optional: only LambdaEvents.read(InputStream) parses JSON
    requires static com.fasterxml.jackson.core;

    exports dev.dynamorm.streams;

    // ShardLease and ViewMark are models the engine reads and builds reflectively
    opens dev.dynamorm.streams.internal;
}
