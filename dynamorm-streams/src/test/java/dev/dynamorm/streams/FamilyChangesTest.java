package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.FamilyModels.Customer;
import dev.dynamorm.streams.FamilyModels.ShopItem;
import dev.dynamorm.streams.FamilyModels.ShopOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Stream records of an entity family's table, decoded to the member types. */
final class FamilyChangesTest {
    private LocalDynamoDb local;
    private DynamORM db;

    @BeforeEach
    void setUp() {
        local = LocalDynamoDb.start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    private String shopWithStream(StreamViewType view) {
        Table<ShopItem> shop = db.table(ShopItem.class);
        String arn = StreamTables.createWithStream(shop, local.client(), view);
        shop.put(new Customer("C#1", "PROFILE", "Ada"));
        shop.put(new ShopOrder("C#1", "O#1", "NEW", 500));
        shop.put(new ShopOrder("C#1", "O#1", "PAID", 500));
        shop.delete(new Customer("C#1", "PROFILE", "Ada"));
        return arn;
    }

    @Test
    void theFamilyDecoderBuildsEachImageAsItsMemberType() {
        String arn = shopWithStream(StreamViewType.NEW_AND_OLD_IMAGES);
        List<ChangeEvent<ShopItem>> changes =
                ChangeDecoder.of(db.table(ShopItem.class))
                        .decodeAll(StreamTables.records(local.streamsClient(), arn));

        assertThat(changes)
                .extracting(ChangeEvent::kind)
                .containsExactly(
                        ChangeKind.INSERT, ChangeKind.INSERT, ChangeKind.MODIFY, ChangeKind.REMOVE);
        assertThat(changes.get(0).newImage()).contains(new Customer("C#1", "PROFILE", "Ada"));
        assertThat(changes.get(1).newImage()).contains(new ShopOrder("C#1", "O#1", "NEW", 500));
        ChangeEvent<ShopItem> paid = changes.get(2);
        assertThat(paid.oldImage()).containsInstanceOf(ShopOrder.class);
        assertThat(paid.newImage()).contains(new ShopOrder("C#1", "O#1", "PAID", 500));
        assertThat(paid.changedFields()).containsExactly("status");
        assertThat(paid.key()).isEqualTo(Key.of("C#1", "O#1"));
        assertThat(changes.get(3).oldImage()).containsInstanceOf(Customer.class);
        assertThat(changes.get(3).newImage()).isEmpty();

        // what a handler does with them: tell the members apart by type
        List<String> described = new ArrayList<>();
        for (ChangeEvent<ShopItem> c : changes) {
            ShopItem item = c.newImage().or(c::oldImage).orElseThrow();
            if (item instanceof Customer cu) {
                described.add(c.kind() + " customer " + cu.name());
            } else if (item instanceof ShopOrder o) {
                described.add(c.kind() + " order " + o.status());
            }
        }
        assertThat(described)
                .containsExactly(
                        "INSERT customer Ada",
                        "INSERT order NEW",
                        "MODIFY order PAID",
                        "REMOVE customer Ada");
    }

    @Test
    void aMemberDecoderKeepsOnlyItsMembersRecords() {
        String arn = shopWithStream(StreamViewType.NEW_AND_OLD_IMAGES);
        List<Record> records = StreamTables.records(local.streamsClient(), arn);
        ChangeDecoder<ShopOrder> orders = ChangeDecoder.of(db.table(ShopOrder.class));

        assertThat(records).extracting(orders::accepts).containsExactly(false, true, true, false);
        List<ChangeEvent<ShopOrder>> changes = orders.decodeAll(records);
        assertThat(changes)
                .extracting(c -> c.kind() + " " + c.newImage().map(ShopOrder::status).orElse("-"))
                .containsExactly("INSERT NEW", "MODIFY PAID");
        // decoding a customer's record as an order directly fails, naming the type stored
        assertThatThrownBy(() -> orders.decode(records.get(0)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "its discriminator attribute 'kind' is 'CUSTOMER', not 'ORDER'");
    }

    @Test
    void aRecordWithoutImagesGoesToAMemberWithItsKeyOnly() {
        // NEW_IMAGE: the customer's REMOVE carries only keys, which cannot tell the members apart
        String arn = shopWithStream(StreamViewType.NEW_IMAGE);
        List<Record> records = StreamTables.records(local.streamsClient(), arn);
        ChangeDecoder<ShopOrder> orders = ChangeDecoder.of(db.table(ShopOrder.class));

        assertThat(records).extracting(orders::accepts).containsExactly(false, true, true, true);
        ChangeEvent<ShopOrder> remove = orders.decode(records.get(3));
        assertThat(remove.kind()).isEqualTo(ChangeKind.REMOVE);
        assertThat(remove.key()).isEqualTo(Key.of("C#1", "PROFILE"));
        assertThat(remove.oldImage()).isEmpty();
        assertThat(remove.newImage()).isEmpty();
    }

    @Test
    void aMemberConsumerHandlesOnlyItsMembersChangesAndCheckpointsPastTheOthers() {
        shopWithStream(StreamViewType.NEW_AND_OLD_IMAGES);
        List<ChangeEvent<ShopOrder>> seen = Collections.synchronizedList(new ArrayList<>());
        List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        try (StreamConsumer consumer =
                StreamConsumer.builder(db, ShopOrder.class)
                        .streamsClient(local.streamsClient())
                        .batchSize(1)
                        .handler(
                                changes -> {
                                    batches.add(changes.size());
                                    seen.addAll(changes);
                                })
                        .build()) {
            consumer.drain();
            assertThat(seen)
                    .extracting(ChangeEvent::kind)
                    .containsExactly(ChangeKind.INSERT, ChangeKind.MODIFY);
            // the customers' records (first and last) never reach the handler
            assertThat(batches).containsExactly(1, 1);
            Map<String, String> checkpoints = consumer.checkpoints();
            assertThat(checkpoints).hasSize(1);
            List<Record> records =
                    StreamTables.records(
                            local.streamsClient(),
                            db.table(ShopItem.class).describeTable().latestStreamArn());
            assertThat(checkpoints.values())
                    .containsExactly(records.get(3).dynamodb().sequenceNumber());
        }
    }

    @Test
    void recordsWithoutImagesAreRefusedByTheFamilyDecoderWithTheReason() {
        String arn = shopWithStream(StreamViewType.KEYS_ONLY);
        Record first = StreamTables.records(local.streamsClient(), arn).get(0);

        assertThatThrownBy(() -> ChangeDecoder.of(db.table(ShopItem.class)).decode(first))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "stream record '"
                                + first.eventID()
                                + "' has no image (a KEYS_ONLY stream, or an image the view type"
                                + " leaves out), so its keys do not tell which member of entity"
                                + " family "
                                + ShopItem.class.getName()
                                + " the item is; give the table's stream the NEW_AND_OLD_IMAGES"
                                + " view type, whose every record carries an image");
    }
}
