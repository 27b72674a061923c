package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Ledger;
import dev.dynamorm.streams.ChangeDecoder;
import dev.dynamorm.streams.ChangeEvent;
import dev.dynamorm.streams.ChangeKind;
import dev.dynamorm.streams.StreamConsumer;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Change data capture through the SDK's {@code DynamoDbStreamsClient} at the backend's endpoint:
 * typed change events and the stream consumer with its checkpoints and leases.
 */
@DynamoBackend
abstract class ChangesSuite {
    private DynamORM db;
    private DynamoDbClient raw;
    private DynamoDbStreamsClient streams;
    private Table<Ledger> ledger;
    private String arn;

    @BeforeEach
    // the SDK's Consumer<Builder>... overloads are not @SafeVarargs
    @SuppressWarnings("unchecked")
    void setUp(DynamoDbClient raw, BackendContext backend) {
        // a table of its own per test: a server may keep a deleted table's stream for the next
        // table of the same name (Dynoxide does), and its records would reach this test
        this.db =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(
                                backend.tableNamePrefix()
                                        + UUID.randomUUID().toString().substring(0, 8)
                                        + "_")
                        .build();
        this.raw = raw;
        this.streams =
                DynamoDbStreamsClient.builder()
                        .endpointOverride(backend.endpoint())
                        .region(raw.serviceClientConfiguration().region())
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .build();
        this.ledger = db.table(Ledger.class);
        String table = ledger.tableName();
        raw.createTable(
                r ->
                        r.tableName(table)
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(
                                        k -> k.attributeName("account").keyType("HASH"),
                                        k -> k.attributeName("entry").keyType("RANGE"))
                                .attributeDefinitions(
                                        a -> a.attributeName("account").attributeType("S"),
                                        a -> a.attributeName("entry").attributeType("S"))
                                .streamSpecification(
                                        s ->
                                                s.streamEnabled(true)
                                                        .streamViewType(
                                                                StreamViewType
                                                                        .NEW_AND_OLD_IMAGES)));
        raw.waiter().waitUntilTableExists(r -> r.tableName(table));
        this.arn = raw.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    }

    @AfterEach
    void tearDown() {
        raw.deleteTable(r -> r.tableName(ledger.tableName()));
        String checkpoints = ledger.tableName().replace("ledger", "dynamorm_checkpoints");
        if (raw.listTables().tableNames().contains(checkpoints)) {
            raw.deleteTable(r -> r.tableName(checkpoints));
        }
        streams.close();
        db.close();
    }

    private List<Record> records() {
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

    @Test
    void decoder_mapsEachRecordToATypedChange() {
        String a = UUID.randomUUID().toString();
        Ledger first = new Ledger(a, "e1", 100, "open");
        Ledger second = new Ledger(a, "e1", 250, "open");
        ledger.put(first);
        ledger.put(second);
        ledger.delete(second);

        List<ChangeEvent<Ledger>> changes = ChangeDecoder.of(ledger).decodeAll(records());

        assertThat(changes)
                .extracting(ChangeEvent::kind)
                .containsExactly(ChangeKind.INSERT, ChangeKind.MODIFY, ChangeKind.REMOVE);
        assertThat(changes).extracting(ChangeEvent::key).containsOnly(Key.of(a, "e1"));
        assertThat(changes.get(0).newImage()).contains(first);
        assertThat(changes.get(0).oldImage()).isEmpty();
        assertThat(changes.get(1).oldImage()).contains(first);
        assertThat(changes.get(1).newImage()).contains(second);
        assertThat(changes.get(1).changedFields()).containsExactly("cents");
        assertThat(changes.get(2).oldImage()).contains(second);
        assertThat(changes.get(2).newImage()).isEmpty();
        assertThat(changes.get(2).expiredByTtl()).isFalse();
        assertThat(changes.get(0).sequence()).isLessThan(changes.get(2).sequence());
    }

    @Test
    void consumer_checkpoints_andASecondConsumerTakesOverADeadOnesShard() throws Exception {
        String a = UUID.randomUUID().toString();
        for (int i = 0; i < 12; i++) {
            ledger.put(new Ledger(a, "e" + (i % 3), i, null));
        }
        List<ChangeEvent<Ledger>> deadSaw = Collections.synchronizedList(new ArrayList<>());
        List<ChangeEvent<Ledger>> aliveSaw = Collections.synchronizedList(new ArrayList<>());
        String group = "g-" + UUID.randomUUID();
        StreamConsumer dead =
                StreamConsumer.builder(db, Ledger.class)
                        .streamsClient(streams)
                        .group(group)
                        .workerId("dead")
                        .batchSize(4)
                        .leaseDuration(Duration.ofSeconds(1))
                        .handlerRetries(1, Duration.ZERO)
                        .handler(
                                changes -> {
                                    deadSaw.addAll(changes);
                                    if (deadSaw.size() > 4) {
                                        throw new IllegalStateException("killed");
                                    }
                                })
                        .build();
        dead.pollOnce(); // handles and checkpoints the first batch
        dead.pollOnce(); // dies in the second: no checkpoint, the lease stays
        assertThat(deadSaw).hasSize(8);
        assertThat(dead.checkpoints()).hasSize(1);

        try (StreamConsumer alive =
                StreamConsumer.builder(db, Ledger.class)
                        .streamsClient(streams)
                        .group(group)
                        .workerId("alive")
                        .batchSize(4)
                        .leaseDuration(Duration.ofSeconds(1))
                        .handler(aliveSaw::addAll)
                        .build()) {
            assertThat(alive.pollOnce()).as("the lease is still held").isZero();
            Thread.sleep(1300);
            assertThat(alive.drain()).isEqualTo(8);
            assertThat(alive.checkpoints().values())
                    .containsExactly(aliveSaw.get(aliveSaw.size() - 1).sequenceNumber());
        }
        Map<String, Integer> counts = new HashMap<>();
        deadSaw.subList(0, 4).forEach(e -> counts.merge(e.sequenceNumber(), 1, Integer::sum));
        aliveSaw.forEach(e -> counts.merge(e.sequenceNumber(), 1, Integer::sum));
        assertThat(counts).hasSize(12);
        assertThat(counts.values()).containsOnly(1);
        assertThat(aliveSaw.subList(0, 4)).isEqualTo(deadSaw.subList(4, 8));
        dead.close();
    }
}
