package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamsTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        streams = db.streamsClient();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static String streamTable(DynamoDbClient c, StreamViewType view) {
        String t = Fixtures.hashTable(c);
        c.updateTable(
                r ->
                        r.tableName(t)
                                .streamSpecification(
                                        s -> s.streamEnabled(true).streamViewType(view)));
        return t;
    }

    static List<Record> all(DynamoDbStreamsClient sc, String arn) {
        List<Record> out = new ArrayList<>();
        for (Shard shard : sc.describeStream(r -> r.streamArn(arn)).streamDescription().shards()) {
            String it =
                    sc.getShardIterator(
                                    r ->
                                            r.streamArn(arn)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            while (it != null) {
                String current = it;
                var page = sc.getRecords(r -> r.shardIterator(current));
                out.addAll(page.records());
                if (page.records().isEmpty()) {
                    break;
                }
                it = page.nextShardIterator();
            }
        }
        return out;
    }

    static String arn(DynamoDbClient c, String t) {
        return c.describeTable(r -> r.tableName(t)).table().latestStreamArn();
    }

    @Test
    void writesBecomeRecordsWithImagesAndNoRecordForNoChange() {
        long before = Instant.now().getEpochSecond();
        String t = streamTable(client, StreamViewType.NEW_AND_OLD_IMAGES);
        TableDescription d = client.describeTable(r -> r.tableName(t)).table();
        assertThat(d.streamSpecification().streamEnabled()).isTrue();
        assertThat(d.streamSpecification().streamViewType())
                .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(d.latestStreamArn())
                .isEqualTo(d.tableArn() + "/stream/" + d.latestStreamLabel());

        client.putItem(r -> r.tableName(t).item(item("pk", s("a"), "v", n(1))));
        client.putItem(r -> r.tableName(t).item(item("pk", s("a"), "v", n(1)))); // no change
        client.updateItem(
                r ->
                        r.tableName(t)
                                .key(item("pk", s("a")))
                                .updateExpression("SET v = :v")
                                .expressionAttributeValues(java.util.Map.of(":v", n(2))));
        client.updateItem(
                r ->
                        r.tableName(t)
                                .key(item("pk", s("a")))
                                .updateExpression("SET v = :v")
                                .expressionAttributeValues(java.util.Map.of(":v", n("2.0"))));
        client.deleteItem(r -> r.tableName(t).key(item("pk", s("a"))));
        client.deleteItem(r -> r.tableName(t).key(item("pk", s("missing")))); // no change

        List<Record> records = all(streams, d.latestStreamArn());
        assertThat(records)
                .extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record insert = records.get(0);
        assertThat(insert.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(insert.awsRegion()).isEqualTo("us-east-1");
        assertThat(insert.eventVersion()).isEqualTo("1.1");
        assertThat(insert.userIdentity()).isNull();
        assertThat(insert.dynamodb().keys()).isEqualTo(item("pk", s("a")));
        assertThat(insert.dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(insert.dynamodb().oldImage()).isEmpty();
        assertThat(insert.dynamodb().sizeBytes()).isPositive();
        assertThat(insert.dynamodb().approximateCreationDateTime().getEpochSecond())
                .isBetween(before, Instant.now().getEpochSecond());
        Record modify = records.get(1);
        assertThat(modify.dynamodb().oldImage()).isEqualTo(item("pk", s("a"), "v", n(1)));
        assertThat(modify.dynamodb().newImage()).isEqualTo(item("pk", s("a"), "v", n(2)));
        assertThat(modify.dynamodb().sizeBytes()).isGreaterThan(insert.dynamodb().sizeBytes());
        Record remove = records.get(2);
        assertThat(remove.dynamodb().oldImage()).isEqualTo(item("pk", s("a"), "v", n(2)));
        assertThat(remove.dynamodb().newImage()).isEmpty();
        assertThat(records)
                .extracting(r -> new java.math.BigInteger(r.dynamodb().sequenceNumber()))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(records).extracting(Record::eventID).doesNotHaveDuplicates();
    }

    @Test
    void viewTypesCutTheImages() {
        for (StreamViewType view :
                List.of(
                        StreamViewType.KEYS_ONLY,
                        StreamViewType.NEW_IMAGE,
                        StreamViewType.OLD_IMAGE)) {
            String t = streamTable(client, view);
            client.putItem(r -> r.tableName(t).item(item("pk", s("k"), "v", n(1))));
            client.putItem(r -> r.tableName(t).item(item("pk", s("k"), "v", n(2))));
            List<Record> records = all(streams, arn(client, t));
            assertThat(records).hasSize(2);
            Record modify = records.get(1);
            assertThat(modify.dynamodb().streamViewType()).isEqualTo(view);
            assertThat(modify.dynamodb().keys()).isEqualTo(item("pk", s("k")));
            assertThat(modify.dynamodb().hasNewImage())
                    .as(view.toString())
                    .isEqualTo(view == StreamViewType.NEW_IMAGE);
            assertThat(modify.dynamodb().hasOldImage())
                    .as(view.toString())
                    .isEqualTo(view == StreamViewType.OLD_IMAGE);
        }
    }

    @Test
    void transactionsAndBatchesRecordInCommitOrder() {
        String t = streamTable(client, StreamViewType.KEYS_ONLY);
        client.transactWriteItems(
                r ->
                        r.transactItems(
                                TransactWriteItem.builder()
                                        .put(p -> p.tableName(t).item(item("pk", s("t1"))))
                                        .build(),
                                TransactWriteItem.builder()
                                        .put(p -> p.tableName(t).item(item("pk", s("t2"))))
                                        .build()));
        client.batchWriteItem(
                r ->
                        r.requestItems(
                                java.util.Map.of(
                                        t,
                                        List.of(
                                                WriteRequest.builder()
                                                        .putRequest(
                                                                p -> p.item(item("pk", s("b1"))))
                                                        .build(),
                                                WriteRequest.builder()
                                                        .deleteRequest(
                                                                x -> x.key(item("pk", s("t1"))))
                                                        .build()))));
        List<Record> records = all(streams, arn(client, t));
        assertThat(records)
                .extracting(r -> r.eventName() + " " + r.dynamodb().keys().get("pk").s())
                .containsExactly("INSERT t1", "INSERT t2", "INSERT b1", "REMOVE t1");
    }

    @Test
    void iteratorTypes() {
        String t = streamTable(client, StreamViewType.KEYS_ONLY);
        String arn = arn(client, t);
        String shard =
                streams.describeStream(r -> r.streamArn(arn))
                        .streamDescription()
                        .shards()
                        .get(0)
                        .shardId();
        client.putItem(r -> r.tableName(t).item(item("pk", s("1"))));
        String latest =
                streams.getShardIterator(
                                r ->
                                        r.streamArn(arn)
                                                .shardId(shard)
                                                .shardIteratorType(ShardIteratorType.LATEST))
                        .shardIterator();
        client.putItem(r -> r.tableName(t).item(item("pk", s("2"))));
        client.putItem(r -> r.tableName(t).item(item("pk", s("3"))));
        var fromLatest = streams.getRecords(r -> r.shardIterator(latest).limit(1));
        assertThat(fromLatest.records())
                .extracting(x -> x.dynamodb().keys().get("pk").s())
                .containsExactly("2");
        var rest = streams.getRecords(r -> r.shardIterator(fromLatest.nextShardIterator()));
        assertThat(rest.records())
                .extracting(x -> x.dynamodb().keys().get("pk").s())
                .containsExactly("3");
        assertThat(streams.getRecords(r -> r.shardIterator(rest.nextShardIterator())).records())
                .isEmpty();
        String seq2 = fromLatest.records().get(0).dynamodb().sequenceNumber();
        String at =
                streams.getShardIterator(
                                r ->
                                        r.streamArn(arn)
                                                .shardId(shard)
                                                .shardIteratorType(
                                                        ShardIteratorType.AT_SEQUENCE_NUMBER)
                                                .sequenceNumber(seq2))
                        .shardIterator();
        assertThat(streams.getRecords(r -> r.shardIterator(at)).records())
                .extracting(x -> x.dynamodb().keys().get("pk").s())
                .containsExactly("2", "3");
        String after =
                streams.getShardIterator(
                                r ->
                                        r.streamArn(arn)
                                                .shardId(shard)
                                                .shardIteratorType(
                                                        ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                                .sequenceNumber(seq2))
                        .shardIterator();
        assertThat(streams.getRecords(r -> r.shardIterator(after)).records())
                .extracting(x -> x.dynamodb().keys().get("pk").s())
                .containsExactly("3");
    }

    @Test
    void listDescribeAndErrors() {
        String t = streamTable(client, StreamViewType.NEW_IMAGE);
        String arn = arn(client, t);
        assertThat(streams.listStreams(r -> r.tableName(t)).streams())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.streamArn()).isEqualTo(arn);
                            assertThat(s.tableName()).isEqualTo(t);
                        });
        var desc = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
        assertThat(desc.streamStatusAsString()).isEqualTo("ENABLED");
        assertThat(desc.tableName()).isEqualTo(t);
        assertThat(desc.keySchema()).hasSize(1);
        assertThat(desc.shards()).hasSize(1);
        assertThat(desc.shards().get(0).sequenceNumberRange().endingSequenceNumber()).isNull();

        assertThatThrownBy(() -> streams.describeStream(r -> r.streamArn(arn + "x")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith(
                        "Requested resource not found: Stream: " + arn + "x not found");
        assertThatThrownBy(
                        () ->
                                client.updateTable(
                                        r ->
                                                r.tableName(t)
                                                        .streamSpecification(
                                                                s ->
                                                                        s.streamEnabled(true)
                                                                                .streamViewType(
                                                                                        StreamViewType
                                                                                                .KEYS_ONLY))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Table already has an enabled stream: TableName: " + t);
        assertThatThrownBy(
                        () ->
                                client.updateTable(
                                        r ->
                                                r.tableName(t)
                                                        .streamSpecification(
                                                                s -> s.streamEnabled(true))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: StreamViewType must be specified when StreamEnabled is true");

        // disabling closes the shard; the stream stays readable and listed
        client.putItem(r -> r.tableName(t).item(item("pk", s("x"))));
        client.updateTable(r -> r.tableName(t).streamSpecification(s -> s.streamEnabled(false)));
        TableDescription after = client.describeTable(r -> r.tableName(t)).table();
        assertThat(after.streamSpecification()).isNull();
        assertThat(after.latestStreamArn()).isEqualTo(arn);
        client.putItem(r -> r.tableName(t).item(item("pk", s("y"))));
        var disabled = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
        assertThat(disabled.streamStatusAsString()).isEqualTo("DISABLED");
        assertThat(disabled.shards().get(0).sequenceNumberRange().endingSequenceNumber())
                .isNotNull();
        assertThat(all(streams, arn))
                .extracting(x -> x.dynamodb().keys().get("pk").s())
                .containsExactly("x");
        assertThatThrownBy(
                        () ->
                                client.updateTable(
                                        r ->
                                                r.tableName(t)
                                                        .streamSpecification(
                                                                s -> s.streamEnabled(false))))
                .hasMessageStartingWith("Table has no stream to disable: TableName: " + t);
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void createTableWithStreamAndTtlDeletionsByTheService() throws InterruptedException {
        try (LocalDynamoDb local =
                LocalDynamoDb.builder().ttlSweepInterval(Duration.ofMillis(50)).start()) {
            DynamoDbClient c = local.client();
            String t = Fixtures.uniqueName("ttl");
            c.createTable(
                    r ->
                            r.tableName(t)
                                    .billingMode("PAY_PER_REQUEST")
                                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                                    .attributeDefinitions(
                                            a -> a.attributeName("pk").attributeType("S"))
                                    .streamSpecification(
                                            s ->
                                                    s.streamEnabled(true)
                                                            .streamViewType(
                                                                    StreamViewType.OLD_IMAGE)));
            c.updateTimeToLive(
                    r ->
                            r.tableName(t)
                                    .timeToLiveSpecification(
                                            x -> x.attributeName("exp").enabled(true)));
            long now = System.currentTimeMillis() / 1000;
            c.putItem(r -> r.tableName(t).item(item("pk", s("old"), "exp", n(now - 10))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("keep"))));
            c.deleteItem(r -> r.tableName(t).key(item("pk", s("keep"))));
            Thread.sleep(500);
            List<Record> records = all(local.streamsClient(), arn(c, t));
            assertThat(records)
                    .extracting(r -> r.eventName() + " " + r.dynamodb().keys().get("pk").s())
                    .containsExactlyInAnyOrder(
                            "INSERT old", "INSERT keep", "REMOVE keep", "REMOVE old");
            Record byUser =
                    records.stream()
                            .filter(
                                    r ->
                                            r.eventNameAsString().equals("REMOVE")
                                                    && r.dynamodb()
                                                            .keys()
                                                            .get("pk")
                                                            .s()
                                                            .equals("keep"))
                            .findFirst()
                            .orElseThrow();
            Record byTtl =
                    records.stream()
                            .filter(
                                    r ->
                                            r.eventNameAsString().equals("REMOVE")
                                                    && r.dynamodb()
                                                            .keys()
                                                            .get("pk")
                                                            .s()
                                                            .equals("old"))
                            .findFirst()
                            .orElseThrow();
            assertThat(byUser.userIdentity()).isNull();
            assertThat(byTtl.userIdentity().type()).isEqualTo("Service");
            assertThat(byTtl.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            assertThat(byTtl.dynamodb().oldImage()).containsEntry("exp", n(now - 10));
        }
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void overwritingOrDeletingAnExpiredItemBeforeTheSweep_isAnOrdinaryModifyOrRemove() {
        try (LocalDynamoDb local =
                LocalDynamoDb.builder().ttlSweepInterval(Duration.ofHours(1)).start()) {
            DynamoDbClient c = local.client();
            String t = Fixtures.uniqueName("ttl");
            c.createTable(
                    r ->
                            r.tableName(t)
                                    .billingMode("PAY_PER_REQUEST")
                                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                                    .attributeDefinitions(
                                            a -> a.attributeName("pk").attributeType("S"))
                                    .streamSpecification(
                                            s ->
                                                    s.streamEnabled(true)
                                                            .streamViewType(
                                                                    StreamViewType
                                                                            .NEW_AND_OLD_IMAGES)));
            c.updateTimeToLive(
                    r ->
                            r.tableName(t)
                                    .timeToLiveSpecification(
                                            x -> x.attributeName("exp").enabled(true)));
            long now = System.currentTimeMillis() / 1000;
            c.putItem(r -> r.tableName(t).item(item("pk", s("a"), "exp", n(now - 10))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("a"), "v", n(1))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("b"), "exp", n(now - 10))));
            c.deleteItem(r -> r.tableName(t).key(item("pk", s("b"))));

            List<Record> records = all(local.streamsClient(), arn(c, t));
            assertThat(records)
                    .extracting(
                            r ->
                                    r.eventName()
                                            + " "
                                            + r.dynamodb().keys().get("pk").s()
                                            + (r.userIdentity() == null ? "" : " by TTL"))
                    .containsExactly("INSERT a", "MODIFY a", "INSERT b", "REMOVE b");
            // the expired item was still there: the overwrite replaced it, as in DynamoDB
            assertThat(records.get(1).dynamodb().oldImage()).containsEntry("exp", n(now - 10));
            assertThat(records.get(1).dynamodb().newImage()).containsEntry("v", n(1));
            assertThat(records.get(3).dynamodb().oldImage()).containsEntry("exp", n(now - 10));
            // nothing expired is left for the sweep
            assertThat(local.sweepExpiredNow()).isZero();
        }
    }

    @Test
    void shardsRollOverAndRecordsAreTrimmed() {
        // the streams' clock moves only when the test moves it, so a slow machine rolls no extra
        // shard and trims nothing early
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        try (LocalDynamoDb local =
                LocalDynamoDb.builder()
                        .streamShardPeriod(Duration.ofMillis(800))
                        .streamRetention(Duration.ofMillis(2000))
                        .streamClock(clock::get)
                        .start()) {
            DynamoDbClient c = local.client();
            DynamoDbStreamsClient sc = local.streamsClient();
            String t = streamTable(c, StreamViewType.KEYS_ONLY);
            String arn = arn(c, t);
            c.putItem(r -> r.tableName(t).item(item("pk", s("first"))));
            String first =
                    sc.describeStream(r -> r.streamArn(arn))
                            .streamDescription()
                            .shards()
                            .get(0)
                            .shardId();
            String horizon =
                    sc.getShardIterator(
                                    r ->
                                            r.streamArn(arn)
                                                    .shardId(first)
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            clock.addAndGet(799);
            assertThat(sc.describeStream(r -> r.streamArn(arn)).streamDescription().shards())
                    .hasSize(1);
            clock.addAndGet(1);
            c.putItem(r -> r.tableName(t).item(item("pk", s("second"))));
            List<Shard> shards =
                    sc.describeStream(r -> r.streamArn(arn)).streamDescription().shards();
            assertThat(shards).hasSize(2);
            assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
            assertThat(shards.get(1).parentShardId()).isEqualTo(first);
            var closedRead = sc.getRecords(r -> r.shardIterator(horizon));
            assertThat(closedRead.records())
                    .extracting(x -> x.dynamodb().keys().get("pk").s())
                    .containsExactly("first");
            assertThat(closedRead.nextShardIterator()).isNull();
            assertThat(all(sc, arn))
                    .extracting(x -> x.dynamodb().keys().get("pk").s())
                    .containsExactly("first", "second");

            String stale =
                    sc.getShardIterator(
                                    r ->
                                            r.streamArn(arn)
                                                    .shardId(first)
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            // "first" is past retention; its closed shard is kept until retention after closing
            clock.addAndGet(1199);
            assertThat(sc.getRecords(r -> r.shardIterator(stale)).records()).hasSize(1);
            clock.addAndGet(1);
            assertThatThrownBy(() -> sc.getRecords(r -> r.shardIterator(stale)))
                    .isInstanceOf(TrimmedDataAccessException.class)
                    .hasMessageStartingWith(
                            "The operation attempted to read past the oldest stream record in a shard.");
        }
    }

    @Test
    void aShardClosedWithoutRecords_endsAtOnce() {
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        try (LocalDynamoDb local =
                LocalDynamoDb.builder()
                        .streamShardPeriod(Duration.ofMillis(200))
                        .streamClock(clock::get)
                        .start()) {
            DynamoDbClient c = local.client();
            DynamoDbStreamsClient sc = local.streamsClient();
            String t = streamTable(c, StreamViewType.KEYS_ONLY);
            String arn = arn(c, t);
            // no write for longer than a shard period: the first shard closes empty
            clock.addAndGet(300);
            c.putItem(r -> r.tableName(t).item(item("pk", s("after the gap"))));
            List<Shard> shards =
                    sc.describeStream(r -> r.streamArn(arn)).streamDescription().shards();
            assertThat(shards).hasSize(2);
            for (Shard closed : shards.subList(0, shards.size() - 1)) {
                String it =
                        sc.getShardIterator(
                                        r ->
                                                r.streamArn(arn)
                                                        .shardId(closed.shardId())
                                                        .shardIteratorType(
                                                                ShardIteratorType.TRIM_HORIZON))
                                .shardIterator();
                var page = sc.getRecords(r -> r.shardIterator(it));
                // a reader that follows NextShardIterator until it is null moves on to the child
                assertThat(page.records()).as(closed.shardId()).isEmpty();
                assertThat(page.nextShardIterator()).as(closed.shardId()).isNull();
            }
        }
    }

    @Test
    void reachableOverHttpAtTheSameEndpoint() {
        URI endpoint = db.endpoint();
        String t = streamTable(client, StreamViewType.NEW_IMAGE);
        client.putItem(r -> r.tableName(t).item(item("pk", s("h"), "v", n(7))));
        try (DynamoDbStreamsClient http =
                DynamoDbStreamsClient.builder()
                        .endpointOverride(endpoint)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("k", "s")))
                        .build()) {
            List<Record> records = all(http, arn(client, t));
            assertThat(records)
                    .singleElement()
                    .satisfies(r -> assertThat(r.dynamodb().newImage()).containsEntry("v", n(7)));
        }
    }
}
