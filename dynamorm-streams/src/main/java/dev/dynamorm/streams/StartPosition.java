package dev.dynamorm.streams;

/** Where a consumer starts reading a shard it has no checkpoint for. */
public enum StartPosition {
    /** The oldest record still kept (DynamoDB keeps 24 hours). */
    TRIM_HORIZON,
    /** Only records written after the consumer first reads the shard. */
    LATEST
}
