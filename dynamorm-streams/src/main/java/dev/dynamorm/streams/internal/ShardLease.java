package dev.dynamorm.streams.internal;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Version;

/**
 * One shard's checkpoint and lease in the {@code dynamorm_checkpoints} table, for one consumer
 * group on one stream. Every write checks and increments {@code version}, so of two consumers
 * taking the same lease one wins.
 *
 * @param stream the consumer group and the stream ARN, {@code group|arn}
 * @param shardId the shard
 * @param owner the worker holding the lease, or null when it is free
 * @param leaseUntil epoch milliseconds when the lease expires unless renewed
 * @param checkpoint the sequence number of the last handled record, or null
 * @param finished whether the shard is closed and every record of it handled
 * @param version the optimistic-locking version
 */
@DynamoTable("dynamorm_checkpoints")
public record ShardLease(
        @PartitionKey String stream,
        @SortKey String shardId,
        String owner,
        long leaseUntil,
        String checkpoint,
        boolean finished,
        @Version long version) {

    /**
     * This lease held by another owner until another time.
     *
     * @param newOwner the owner, or null to free it
     * @param until epoch milliseconds
     * @return the new lease
     */
    public ShardLease withOwner(String newOwner, long until) {
        return new ShardLease(stream, shardId, newOwner, until, checkpoint, finished, version);
    }

    /**
     * This lease with another checkpoint.
     *
     * @param sequenceNumber the last handled sequence number
     * @return the new lease
     */
    public ShardLease withCheckpoint(String sequenceNumber) {
        return new ShardLease(
                stream, shardId, owner, leaseUntil, sequenceNumber, finished, version);
    }

    /**
     * This lease marked finished and free.
     *
     * @return the new lease
     */
    public ShardLease asFinished() {
        return new ShardLease(stream, shardId, null, 0, checkpoint, true, version);
    }
}
