package dev.dynamorm.test.assertions;

import dev.dynamorm.Table;
import dev.dynamorm.streams.ChangeDecoder;
import dev.dynamorm.streams.ChangeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Captures the stream records a block of code produced: marks the end of each open shard before the
 * block (a {@code LATEST} iterator), then reads from those marks and every new shard after it.
 */
final class ChangeCapture {
    private ChangeCapture() {}

    static <T> List<ChangeEvent<T>> capture(
            Table<T> table, DynamoDbStreamsClient streams, ThrowingCallable block) {
        TableDescription d = table.describeTable();
        String arn = d.latestStreamArn();
        if (arn == null
                || d.streamSpecification() == null
                || !Boolean.TRUE.equals(d.streamSpecification().streamEnabled())) {
            throw new IllegalStateException(
                    "table "
                            + d.tableName()
                            + " has no enabled stream: enable one (a StreamSpecification with"
                            + " StreamViewType NEW_AND_OLD_IMAGES shows every image) before"
                            + " asserting on its changes");
        }
        Map<String, String> marks = new LinkedHashMap<>();
        for (Shard s : shards(streams, arn)) {
            if (s.sequenceNumberRange().endingSequenceNumber() == null) {
                marks.put(
                        s.shardId(), iterator(streams, arn, s.shardId(), ShardIteratorType.LATEST));
            } else {
                marks.put(s.shardId(), null); // closed before the block: nothing new in it
            }
        }
        try {
            block.call();
        } catch (Throwable e) {
            throw new AssertionError("the block whose changes are asserted threw " + e, e);
        }
        List<Record> records = new ArrayList<>();
        for (Shard s : shards(streams, arn)) {
            String it;
            if (marks.containsKey(s.shardId())) {
                it = marks.get(s.shardId());
            } else {
                it = iterator(streams, arn, s.shardId(), ShardIteratorType.TRIM_HORIZON);
            }
            while (it != null) {
                String current = it;
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
                records.addAll(page.records());
                it = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return ChangeDecoder.of(table).decodeAll(records);
    }

    private static List<Shard> shards(DynamoDbStreamsClient streams, String arn) {
        List<Shard> out = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var d = streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(from));
            out.addAll(d.streamDescription().shards());
            start = d.streamDescription().lastEvaluatedShardId();
        } while (start != null);
        return out;
    }

    private static String iterator(
            DynamoDbStreamsClient streams, String arn, String shardId, ShardIteratorType type) {
        return streams.getShardIterator(
                        r -> r.streamArn(arn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }
}
