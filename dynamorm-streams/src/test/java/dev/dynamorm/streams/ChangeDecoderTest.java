package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.Models.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

final class ChangeDecoderTest {
    private LocalDynamoDb local;
    private DynamORM db;

    @BeforeEach
    void setUp() {
        local = LocalDynamoDb.builder().ttlSweepInterval(Duration.ofMillis(50)).start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    @Test
    void decode_insertModifyRemove_mapsImagesKeyAndChangedFields() {
        Table<Order> orders = db.table(Order.class);
        String arn =
                StreamTables.createWithStream(
                        orders, local.client(), StreamViewType.NEW_AND_OLD_IMAGES);
        Order created = new Order("c1", "o1", "NEW", 500, "first", null);
        Order paid = new Order("c1", "o1", "PAID", 500, "paid now", null);
        orders.put(created);
        orders.put(paid);
        orders.delete(paid);

        List<ChangeEvent<Order>> changes =
                ChangeDecoder.of(orders)
                        .decodeAll(StreamTables.records(local.streamsClient(), arn));

        assertThat(changes)
                .extracting(ChangeEvent::kind)
                .containsExactly(ChangeKind.INSERT, ChangeKind.MODIFY, ChangeKind.REMOVE);
        assertThat(changes).extracting(ChangeEvent::key).containsOnly(Key.of("c1", "o1"));
        ChangeEvent<Order> insert = changes.get(0);
        assertThat(insert.oldImage()).isEmpty();
        assertThat(insert.newImage()).contains(created);
        assertThat(insert.changedFields())
                .containsExactlyInAnyOrder("customerId", "orderId", "status", "totalCents", "note");
        ChangeEvent<Order> modify = changes.get(1);
        assertThat(modify.oldImage()).contains(created);
        assertThat(modify.newImage()).contains(paid);
        assertThat(modify.changedFields()).containsExactlyInAnyOrder("status", "note");
        ChangeEvent<Order> remove = changes.get(2);
        assertThat(remove.oldImage()).contains(paid);
        assertThat(remove.newImage()).isEmpty();
        assertThat(remove.expiredByTtl()).isFalse();
        assertThat(changes)
                .allSatisfy(
                        c -> {
                            assertThat(c.approximateCreationTime()).isPresent();
                            assertThat(c.viewType()).contains(StreamViewType.NEW_AND_OLD_IMAGES);
                            assertThat(c.eventId()).isNotEmpty();
                            assertThat(c.sizeBytes()).isPositive();
                        });
        assertThat(changes.get(0).sequence()).isLessThan(changes.get(1).sequence());
        assertThat(changes.get(1).sequence()).isLessThan(changes.get(2).sequence());
        assertThat(insert.toString())
                .isEqualTo("ChangeEvent[INSERT Key[c1, o1] seq=" + insert.sequenceNumber() + "]");
    }

    @Test
    void decode_keysOnlyStream_hasKeyAndNoImages() {
        Table<Order> orders = db.table(Order.class);
        String arn =
                StreamTables.createWithStream(orders, local.client(), StreamViewType.KEYS_ONLY);
        orders.put(Order.of("c2", "o9", "NEW", 1));

        ChangeEvent<Order> change =
                ChangeDecoder.of(orders)
                        .decode(StreamTables.records(local.streamsClient(), arn).get(0));

        assertThat(change.kind()).isEqualTo(ChangeKind.INSERT);
        assertThat(change.key()).isEqualTo(Key.of("c2", "o9"));
        assertThat(change.oldImage()).isEmpty();
        assertThat(change.newImage()).isEmpty();
        assertThat(change.changedFields()).isEmpty();
    }

    @Test
    void decode_ttlExpiry_isMarkedAsExpiredByTtl() throws InterruptedException {
        Table<Order> orders = db.table(Order.class);
        String arn =
                StreamTables.createWithStream(
                        orders, local.client(), StreamViewType.NEW_AND_OLD_IMAGES);
        orders.put(new Order("c3", "o1", "NEW", 1, null, Instant.now().minusSeconds(60)));

        List<Record> records = List.of();
        for (int i = 0; i < 100 && records.size() < 2; i++) {
            Thread.sleep(50);
            records = StreamTables.records(local.streamsClient(), arn);
        }

        List<ChangeEvent<Order>> changes = ChangeDecoder.of(orders).decodeAll(records);
        assertThat(changes)
                .extracting(ChangeEvent::kind)
                .containsExactly(ChangeKind.INSERT, ChangeKind.REMOVE);
        assertThat(changes.get(0).expiredByTtl()).isFalse();
        assertThat(changes.get(1).expiredByTtl()).isTrue();
        assertThat(changes.get(1).toString()).endsWith(" ttl]");
    }

    @Test
    void decode_malformedRecords_areRefusedWithTheEventId() {
        ChangeDecoder<Order> decoder = ChangeDecoder.of(db.table(Order.class));
        Map<String, AttributeValue> keys =
                Map.of(
                        "customerId",
                        AttributeValue.fromS("c"),
                        "orderId",
                        AttributeValue.fromS("o"));

        assertThatThrownBy(() -> decoder.decode(Record.builder().eventID("e1").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream record 'e1' has no 'dynamodb' section");
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        Record.builder()
                                                .eventID("e2")
                                                .eventName("UPSERT")
                                                .dynamodb(d -> d.keys(keys).sequenceNumber("1"))
                                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "stream record 'e2' has event name 'UPSERT'; expected INSERT, MODIFY or"
                                + " REMOVE");
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        Record.builder()
                                                .eventID("e3")
                                                .eventName("INSERT")
                                                .dynamodb(d -> d.keys(keys))
                                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream record 'e3' has no sequence number");
        assertThatThrownBy(
                        () ->
                                decoder.decode(
                                        Record.builder()
                                                .eventID("e4")
                                                .eventName("INSERT")
                                                .dynamodb(d -> d.sequenceNumber("1"))
                                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream record 'e4' has neither keys nor images");
    }
}
