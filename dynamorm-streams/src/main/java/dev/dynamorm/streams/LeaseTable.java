package dev.dynamorm.streams;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.streams.internal.ShardLease;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The leases and checkpoints of one consumer group on one stream, in the checkpoint table. Every
 * write is versioned: a write from a consumer that lost its lease fails.
 */
final class LeaseTable {
    private final Table<ShardLease> table;
    private final String stream;
    private final Clock clock;

    LeaseTable(Table<ShardLease> table, String group, String streamArn, Clock clock) {
        this.table = table;
        this.stream = group + "|" + streamArn;
        this.clock = clock;
    }

    Optional<ShardLease> get(String shardId) {
        return table.query()
                .where("stream", "=", stream)
                .where("shardId", "=", shardId)
                .consistentRead()
                .first();
    }

    /** Every lease of the group on the stream, by shard id. */
    Map<String, ShardLease> all() {
        Map<String, ShardLease> out = new LinkedHashMap<>();
        for (ShardLease l : table.where("stream", "=", stream).consistentRead().all()) {
            out.put(l.shardId(), l);
        }
        return out;
    }

    /**
     * Takes the shard's lease when it is free, expired or already ours; empty when another worker
     * holds it, the shard is finished, or another worker took it first.
     */
    Optional<ShardLease> acquire(String shardId, String owner, Duration duration) {
        long now = clock.millis();
        long until = now + duration.toMillis();
        try {
            Optional<ShardLease> current = get(shardId);
            if (current.isEmpty()) {
                return table.create(new ShardLease(stream, shardId, owner, until, null, false, 0))
                        .written();
            }
            ShardLease l = current.get();
            if (l.finished()
                    || (l.owner() != null && !l.owner().equals(owner) && l.leaseUntil() > now)) {
                return Optional.empty();
            }
            return table.put(l.withOwner(owner, until)).written();
        } catch (ConditionFailedException lost) {
            return Optional.empty();
        }
    }

    /**
     * Writes a lease this worker holds.
     *
     * @throws ConditionFailedException if another worker wrote it since (the lease is lost)
     */
    ShardLease write(ShardLease lease) {
        return table.put(lease).written().orElse(lease);
    }

    long now() {
        return clock.millis();
    }

    Key key(String shardId) {
        return Key.of(stream, shardId);
    }
}
