package dev.dynamorm.streams;

import dev.dynamorm.Table;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Test helpers: a table with a stream, and every record of a stream read plainly. */
final class StreamTables {
    private StreamTables() {}

    /** Creates the model's table and turns its stream on; returns the stream ARN. */
    static String createWithStream(Table<?> table, DynamoDbClient raw, StreamViewType view) {
        table.createTable();
        String name = table.describeTable().tableName();
        raw.updateTable(
                r ->
                        r.tableName(name)
                                .streamSpecification(
                                        s -> s.streamEnabled(true).streamViewType(view)));
        return raw.describeTable(r -> r.tableName(name)).table().latestStreamArn();
    }

    /** Every record of every shard, shard by shard from the trim horizon. */
    static List<Record> records(DynamoDbStreamsClient streams, String arn) {
        List<Record> out = new ArrayList<>();
        for (Shard shard :
                streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
            String it =
                    streams.getShardIterator(
                                    r ->
                                            r.streamArn(arn)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            while (it != null) {
                String current = it;
                var page = streams.getRecords(r -> r.shardIterator(current));
                out.addAll(page.records());
                if (page.records().isEmpty()) {
                    break;
                }
                it = page.nextShardIterator();
            }
        }
        return out;
    }
}
