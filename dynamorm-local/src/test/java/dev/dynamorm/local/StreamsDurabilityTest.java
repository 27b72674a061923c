package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static dev.dynamorm.local.StreamsTest.all;
import static dev.dynamorm.local.StreamsTest.arn;
import static dev.dynamorm.local.StreamsTest.streamTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Streams with a data directory: records, shards, ARNs and labels survive a clean restart (from the
 * snapshot) and a crash (from the log) exactly, with real files and the server restarted
 * in-process.
 */
// the SDK builders' generic varargs (Consumer<Builder>...) in table set-up and transactions
@SuppressWarnings("unchecked")
class StreamsDurabilityTest {
    @TempDir Path dir;

    private static LocalDynamoDb open(Path d) {
        return LocalDynamoDb.builder().dataDirectory(d).start();
    }

    /** Copies the files of a running server as a crash (no snapshot on close) would leave them. */
    private static void crashCopy(Path live, Path crashed) throws IOException {
        Files.createDirectories(crashed);
        Files.copy(live.resolve("snapshot.bin"), crashed.resolve("snapshot.bin"));
        Files.copy(live.resolve("wal.bin"), crashed.resolve("wal.bin"));
    }

    private static void write(DynamoDbClient c, String t) {
        c.putItem(r -> r.tableName(t).item(item("pk", s("a"), "v", n(1))));
        c.updateItem(
                r ->
                        r.tableName(t)
                                .key(item("pk", s("a")))
                                .updateExpression("SET v = :v")
                                .expressionAttributeValues(Map.of(":v", n(2))));
        c.putItem(r -> r.tableName(t).item(item("pk", s("b"), "v", n(3))));
        c.deleteItem(r -> r.tableName(t).key(item("pk", s("b"))));
        c.transactWriteItems(
                r ->
                        r.transactItems(
                                x -> x.put(p -> p.tableName(t).item(item("pk", s("c")))),
                                x -> x.put(p -> p.tableName(t).item(item("pk", s("d"))))));
    }

    private static List<Record> after(DynamoDbStreamsClient sc, String arn, Record last) {
        StreamDescription d = sc.describeStream(r -> r.streamArn(arn)).streamDescription();
        String shard = d.shards().get(d.shards().size() - 1).shardId();
        String it =
                sc.getShardIterator(
                                r ->
                                        r.streamArn(arn)
                                                .shardId(shard)
                                                .shardIteratorType(
                                                        ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                                .sequenceNumber(last.dynamodb().sequenceNumber()))
                        .shardIterator();
        return sc.getRecords(r -> r.shardIterator(it)).records();
    }

    @Test
    void recordsShardsArnsAndLabelsSurviveACleanRestartAndACrash() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        String t;
        TableDescription table;
        StreamDescription stream;
        List<Record> before;
        try (LocalDynamoDb db = open(live)) {
            t = streamTable(db.client(), StreamViewType.NEW_AND_OLD_IMAGES);
            write(db.client(), t);
            table = db.client().describeTable(r -> r.tableName(t)).table();
            stream =
                    db.streamsClient()
                            .describeStream(r -> r.streamArn(table.latestStreamArn()))
                            .streamDescription();
            before = all(db.streamsClient(), table.latestStreamArn());
            crashCopy(live, crashed);
        }
        assertThat(before)
                .extracting(Record::eventName)
                .containsExactly(
                        OperationType.INSERT,
                        OperationType.MODIFY,
                        OperationType.INSERT,
                        OperationType.REMOVE,
                        OperationType.INSERT,
                        OperationType.INSERT);
        for (Path d : List.of(live, crashed)) {
            try (LocalDynamoDb db = open(d)) {
                DynamoDbStreamsClient sc = db.streamsClient();
                TableDescription again = db.client().describeTable(r -> r.tableName(t)).table();
                assertThat(again.latestStreamArn()).isEqualTo(table.latestStreamArn());
                assertThat(again.latestStreamLabel()).isEqualTo(table.latestStreamLabel());
                assertThat(again.streamSpecification()).isEqualTo(table.streamSpecification());
                assertThat(sc.listStreams(r -> r.tableName(t)).streams())
                        .singleElement()
                        .satisfies(x -> assertThat(x.streamArn()).isEqualTo(stream.streamArn()));
                assertThat(
                                sc.describeStream(r -> r.streamArn(stream.streamArn()))
                                        .streamDescription())
                        .isEqualTo(stream);
                // the same records: ids, sequence numbers, images, creation times
                assertThat(all(sc, stream.streamArn())).isEqualTo(before);

                // a consumer that had handled the first three resumes with the fourth
                assertThat(after(sc, stream.streamArn(), before.get(2)))
                        .isEqualTo(before.subList(3, before.size()));
                db.client().putItem(r -> r.tableName(t).item(item("pk", s("e"))));
                List<Record> next = after(sc, stream.streamArn(), before.get(before.size() - 1));
                assertThat(next)
                        .singleElement()
                        .satisfies(
                                x -> {
                                    assertThat(x.eventName()).isEqualTo(OperationType.INSERT);
                                    assertThat(x.dynamodb().keys()).isEqualTo(item("pk", s("e")));
                                    assertThat(
                                                    new java.math.BigInteger(
                                                            x.dynamodb().sequenceNumber()))
                                            .isGreaterThan(
                                                    new java.math.BigInteger(
                                                            before.get(before.size() - 1)
                                                                    .dynamodb()
                                                                    .sequenceNumber()));
                                    assertThat(before)
                                            .extracting(Record::eventID)
                                            .doesNotContain(x.eventID());
                                });
            }
        }
        // and once more: what was written after the first restart is kept too
        try (LocalDynamoDb db = open(crashed)) {
            assertThat(all(db.streamsClient(), stream.streamArn()))
                    .hasSize(before.size() + 1)
                    .startsWith(before.toArray(Record[]::new));
        }
    }

    /** Byte offsets of each frame of a log file. */
    private static List<Integer> offsets(byte[] file) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        while (at + 8 <= file.length) {
            out.add(at);
            at += 8 + ByteBuffer.wrap(file, at, 4).getInt();
        }
        return out;
    }

    @Test
    void aTornLastRecordDropsTheWriteAndItsStreamRecordTogether() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        String t;
        String arn;
        List<Record> before;
        try (LocalDynamoDb db = open(live)) {
            t = streamTable(db.client(), StreamViewType.KEYS_ONLY);
            arn = arn(db.client(), t);
            db.client().putItem(r -> r.tableName(t).item(item("pk", s("kept"))));
            db.client().putItem(r -> r.tableName(t).item(item("pk", s("torn"))));
            before = all(db.streamsClient(), arn);
            crashCopy(live, crashed);
        }
        Path wal = crashed.resolve("wal.bin");
        byte[] bytes = Files.readAllBytes(wal);
        List<Integer> frames = offsets(bytes);
        int last = frames.get(frames.size() - 1);
        Files.write(wal, Arrays.copyOf(bytes, last + (bytes.length - last) / 2));
        try (LocalDynamoDb db = open(crashed)) {
            DynamoDbClient c = db.client();
            assertThat(c.scan(r -> r.tableName(t)).items()).containsExactly(item("pk", s("kept")));
            assertThat(all(db.streamsClient(), arn)).containsExactly(before.get(0));
            c.putItem(r -> r.tableName(t).item(item("pk", s("again"))));
            List<Record> now = all(db.streamsClient(), arn);
            assertThat(now)
                    .extracting(x -> x.dynamodb().keys().get("pk").s())
                    .containsExactly("kept", "again");
        }
    }

    @Test
    void aCrashBetweenATablesDropAndItsStreamsStillDisablesTheStream() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        String t;
        String arn;
        try (LocalDynamoDb db = open(live)) {
            t = streamTable(db.client(), StreamViewType.KEYS_ONLY);
            arn = arn(db.client(), t);
            db.client().putItem(r -> r.tableName(t).item(item("pk", s("a"))));
            db.client().deleteTable(r -> r.tableName(t));
            crashCopy(live, crashed);
        }
        // cut the log after the table's drop record: its stream's disable record is lost
        Path wal = crashed.resolve("wal.bin");
        byte[] bytes = Files.readAllBytes(wal);
        List<Integer> frames = offsets(bytes);
        assertThat(
                        new String(
                                bytes,
                                frames.get(frames.size() - 1),
                                bytes.length - frames.get(frames.size() - 1),
                                java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"op\":\"disable\"");
        Files.write(wal, Arrays.copyOf(bytes, frames.get(frames.size() - 1)));
        try (LocalDynamoDb db = open(crashed)) {
            DynamoDbStreamsClient sc = db.streamsClient();
            assertThat(sc.describeStream(r -> r.streamArn(arn)).streamDescription().streamStatus())
                    .isEqualTo(StreamStatus.DISABLED);
            db.client()
                    .createTable(
                            r ->
                                    r.tableName(t)
                                            .billingMode("PAY_PER_REQUEST")
                                            .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                                            .attributeDefinitions(
                                                    a -> a.attributeName("pk").attributeType("S")));
            db.client().putItem(r -> r.tableName(t).item(item("pk", s("b"))));
            assertThat(db.client().describeTable(r -> r.tableName(t)).table().latestStreamArn())
                    .isNull();
            assertThat(all(sc, arn))
                    .extracting(x -> x.dynamodb().keys().get("pk").s())
                    .containsExactly("a");
        }
    }

    @Test
    void rolledShardsDisabledStreamsAndDeletedTablesSurvive() throws Exception {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        String rolled;
        String dropped;
        String rolledArn;
        String droppedArn;
        List<Shard> shards;
        // the streams' clock only moves when the test moves it: exactly one roll-over, however
        // slowly the machine runs
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        try (LocalDynamoDb db =
                LocalDynamoDb.builder()
                        .dataDirectory(live)
                        .streamShardPeriod(Duration.ofMillis(300))
                        .streamClock(clock::get)
                        .start()) {
            DynamoDbClient c = db.client();
            rolled = streamTable(c, StreamViewType.NEW_IMAGE);
            rolledArn = arn(c, rolled);
            c.putItem(r -> r.tableName(rolled).item(item("pk", s("x"))));
            clock.addAndGet(299);
            assertThat(
                            db.streamsClient()
                                    .describeStream(r -> r.streamArn(rolledArn))
                                    .streamDescription()
                                    .shards())
                    .hasSize(1);
            clock.addAndGet(1);
            c.putItem(r -> r.tableName(rolled).item(item("pk", s("y"))));
            c.updateTable(
                    r -> r.tableName(rolled).streamSpecification(x -> x.streamEnabled(false)));
            dropped = streamTable(c, StreamViewType.KEYS_ONLY);
            droppedArn = arn(c, dropped);
            c.putItem(r -> r.tableName(dropped).item(item("pk", s("z"))));
            c.deleteTable(r -> r.tableName(dropped));
            shards =
                    db.streamsClient()
                            .describeStream(r -> r.streamArn(rolledArn))
                            .streamDescription()
                            .shards();
            crashCopy(live, crashed);
        }
        assertThat(shards).hasSize(2);
        for (Path d : List.of(live, crashed)) {
            try (LocalDynamoDb db =
                    LocalDynamoDb.builder()
                            .dataDirectory(d)
                            .streamShardPeriod(Duration.ofMillis(300))
                            .streamClock(clock::get)
                            .start()) {
                DynamoDbStreamsClient sc = db.streamsClient();
                StreamDescription desc =
                        sc.describeStream(r -> r.streamArn(rolledArn)).streamDescription();
                assertThat(desc.streamStatus()).isEqualTo(StreamStatus.DISABLED);
                assertThat(desc.shards()).isEqualTo(shards);
                assertThat(desc.shards().get(1).parentShardId())
                        .isEqualTo(desc.shards().get(0).shardId());
                assertThat(all(sc, rolledArn))
                        .extracting(x -> x.dynamodb().newImage().get("pk").s())
                        .containsExactly("x", "y");
                TableDescription t = db.client().describeTable(r -> r.tableName(rolled)).table();
                assertThat(t.latestStreamArn()).isEqualTo(rolledArn);
                assertThat(t.streamSpecification()).isNull();

                // a deleted table's stream stays readable for the retention period
                assertThat(sc.listStreams().streams())
                        .extracting(x -> x.streamArn())
                        .containsExactlyInAnyOrder(droppedArn, rolledArn)
                        .isSorted();
                assertThat(
                                sc.describeStream(r -> r.streamArn(droppedArn))
                                        .streamDescription()
                                        .streamStatus())
                        .isEqualTo(StreamStatus.DISABLED);
                assertThat(all(sc, droppedArn))
                        .extracting(x -> x.dynamodb().keys().get("pk").s())
                        .containsExactly("z");
                // re-creating the table starts a new stream, not the dropped one
                db.client()
                        .createTable(
                                r ->
                                        r.tableName(dropped)
                                                .billingMode("PAY_PER_REQUEST")
                                                .keySchema(
                                                        k -> k.attributeName("pk").keyType("HASH"))
                                                .attributeDefinitions(
                                                        a ->
                                                                a.attributeName("pk")
                                                                        .attributeType("S")));
                assertThat(
                                db.client()
                                        .describeTable(r -> r.tableName(dropped))
                                        .table()
                                        .latestStreamArn())
                        .isNull();
                db.client().deleteTable(r -> r.tableName(dropped));
            }
        }
    }

    @Test
    void recordsPastRetentionAreTrimmedAfterARestart() throws Exception {
        Path live = dir.resolve("live");
        String t;
        String arn;
        String shard;
        String sequence;
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        try (LocalDynamoDb db =
                LocalDynamoDb.builder()
                        .dataDirectory(live)
                        .streamRetention(Duration.ofMillis(600))
                        .streamClock(clock::get)
                        .start()) {
            t = streamTable(db.client(), StreamViewType.KEYS_ONLY);
            arn = arn(db.client(), t);
            db.client().putItem(r -> r.tableName(t).item(item("pk", s("old"))));
            Record old = all(db.streamsClient(), arn).get(0);
            sequence = old.dynamodb().sequenceNumber();
            shard =
                    db.streamsClient()
                            .describeStream(r -> r.streamArn(arn))
                            .streamDescription()
                            .shards()
                            .get(0)
                            .shardId();
            // a millisecond short of the retention period the record is still there
            clock.addAndGet(599);
            assertThat(all(db.streamsClient(), arn)).hasSize(1);
        }
        clock.addAndGet(1);
        try (LocalDynamoDb db =
                LocalDynamoDb.builder()
                        .dataDirectory(live)
                        .streamRetention(Duration.ofMillis(600))
                        .streamClock(clock::get)
                        .start()) {
            DynamoDbStreamsClient sc = db.streamsClient();
            assertThat(all(sc, arn)).isEmpty();
            assertThatThrownBy(
                            () ->
                                    sc.getShardIterator(
                                            r ->
                                                    r.streamArn(arn)
                                                            .shardId(shard)
                                                            .shardIteratorType(
                                                                    ShardIteratorType
                                                                            .AT_SEQUENCE_NUMBER)
                                                            .sequenceNumber(sequence)))
                    .isInstanceOf(TrimmedDataAccessException.class);
            db.client().putItem(r -> r.tableName(t).item(item("pk", s("new"))));
            assertThat(all(sc, arn))
                    .extracting(x -> x.dynamodb().keys().get("pk").s())
                    .containsExactly("new");
        }
    }
}
