package dev.dynamorm.test.assertions;

import static dev.dynamorm.test.assertions.DynamoAssertions.assertThatChanges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.ChangeEvent;
import dev.dynamorm.streams.ChangeKind;
import dev.dynamorm.streams.StreamConsumer;
import dev.dynamorm.test.KitOrder;
import dev.dynamorm.test.KitOrder.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** {@code assertThatChanges}: the typed changes a block of code made, read from the stream. */
final class ChangesAssertTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private LocalDynamoDb local;
    private DynamORM db;
    private Table<KitOrder> orders;

    private void open(Duration shardPeriod, boolean stream) {
        local = LocalDynamoDb.builder().streamShardPeriod(shardPeriod).start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
        orders = db.table(KitOrder.class);
        orders.createTable();
        if (stream) {
            local.client()
                    .updateTable(
                            r ->
                                    r.tableName("orders")
                                            .streamSpecification(
                                                    s ->
                                                            s.streamEnabled(true)
                                                                    .streamViewType(
                                                                            StreamViewType
                                                                                    .NEW_AND_OLD_IMAGES)));
        }
    }

    private void open() {
        open(Duration.ofHours(4), true);
    }

    @AfterEach
    void close() {
        db.close();
        local.close();
    }

    private static KitOrder order(String customer, String id, Status status, long cents) {
        return new KitOrder(customer, id, status, AT, cents, List.of("book"), null);
    }

    @Test
    void assertsOnTheTypedChangesTheBlockMadeAndNoOthers() {
        open();
        KitOrder before = order("c0", "o0", Status.NEW, 100);
        orders.put(before);
        KitOrder created = order("c1", "o1", Status.NEW, 500);
        KitOrder paid = order("c1", "o1", Status.PAID, 500);
        KitOrder other = order("c2", "o2", Status.NEW, 700);

        assertThatChanges(
                        orders,
                        local.streamsClient(),
                        () -> {
                            orders.put(created);
                            orders.put(paid);
                            orders.put(other);
                            orders.delete(before);
                        })
                .hasSize(4)
                .hasKinds(
                        ChangeKind.INSERT, ChangeKind.MODIFY, ChangeKind.INSERT, ChangeKind.REMOVE)
                .hasKeys(
                        Key.of("c1", "o1"),
                        Key.of("c1", "o1"),
                        Key.of("c2", "o2"),
                        Key.of("c0", "o0"))
                .hasNewImages(created, paid, other)
                .hasOldImages(created, before)
                .hasChangedFields(1, "status")
                .satisfies(changes -> assertThat(changes).noneMatch(ChangeEvent::expiredByTtl));

        assertThatChanges(orders, local.streamsClient(), () -> orders.put(paid)).isEmpty();
        assertThatChanges(orders, local.streamsClient(), () -> orders.delete(paid))
                .forKey(Key.of("c1", "o1"))
                .hasKinds(ChangeKind.REMOVE)
                .hasOldImages(paid)
                .hasNewImages();
    }

    @Test
    void narrowsByKeyAndKind() {
        open();
        assertThatChanges(
                        orders,
                        local.streamsClient(),
                        () -> {
                            for (int i = 0; i < 3; i++) {
                                orders.put(order("c1", "o" + i, Status.NEW, i));
                            }
                            orders.put(order("c1", "o1", Status.SHIPPED, 1));
                        })
                .ofKind(ChangeKind.MODIFY)
                .hasKeys(Key.of("c1", "o1"))
                .hasNewImages(order("c1", "o1", Status.SHIPPED, 1));
    }

    @Test
    void followsShardsThatRollOverWhileTheBlockRuns() {
        open(Duration.ofMillis(200), true);
        assertThatChanges(
                        orders,
                        local.streamsClient(),
                        () -> {
                            orders.put(order("c1", "o1", Status.NEW, 1));
                            Thread.sleep(250);
                            orders.put(order("c1", "o1", Status.PAID, 1));
                            Thread.sleep(250);
                            orders.put(order("c1", "o1", Status.SHIPPED, 1));
                        })
                .hasKinds(ChangeKind.INSERT, ChangeKind.MODIFY, ChangeKind.MODIFY)
                .hasNewImages(
                        order("c1", "o1", Status.NEW, 1),
                        order("c1", "o1", Status.PAID, 1),
                        order("c1", "o1", Status.SHIPPED, 1));
        assertThat(
                        local.streamsClient()
                                .describeStream(
                                        r -> r.streamArn(orders.describeTable().latestStreamArn()))
                                .streamDescription()
                                .shards())
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void failureMessagesListTheChangesWithoutTheirImages() {
        open();
        assertThatThrownBy(
                        () ->
                                assertThatChanges(
                                                orders,
                                                local.streamsClient(),
                                                () -> orders.put(order("c1", "o1", Status.NEW, 5)))
                                        .hasKinds(ChangeKind.MODIFY))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected kinds [MODIFY] but were [INSERT]\nchanges:\n")
                .hasMessageMatching(
                        "(?s).*  ChangeEvent\\[INSERT Key\\[.*c1.*o1.*\\] seq=1\\d{20}\\]")
                .message()
                .doesNotContain("book");
        assertThatThrownBy(
                        () ->
                                assertThatChanges(orders, local.streamsClient(), () -> {})
                                        .hasChangedFields(0, "status"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected a change at index 0 but there were 0\nchanges:\n  (none)");
    }

    @Test
    void aTableWithoutStreamOrAFailingBlockIsReported() {
        open(Duration.ofHours(4), false);
        assertThatThrownBy(() -> assertThatChanges(orders, local.streamsClient(), () -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "table orders has no enabled stream: enable one (a StreamSpecification with"
                                + " StreamViewType NEW_AND_OLD_IMAGES shows every image) before"
                                + " asserting on its changes");
        local.client()
                .updateTable(
                        r ->
                                r.tableName("orders")
                                        .streamSpecification(
                                                s ->
                                                        s.streamEnabled(true)
                                                                .streamViewType(
                                                                        StreamViewType.KEYS_ONLY)));
        assertThatThrownBy(
                        () ->
                                assertThatChanges(
                                        orders,
                                        local.streamsClient(),
                                        () -> {
                                            throw new IllegalStateException("boom");
                                        }))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        "the block whose changes are asserted threw"
                                + " java.lang.IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void assertsOnWhatAConsumerHandledSynchronously() {
        open();
        List<ChangeEvent<KitOrder>> handled = new ArrayList<>();
        orders.put(order("c1", "o1", Status.NEW, 1));
        orders.put(order("c1", "o1", Status.PAID, 1));
        try (StreamConsumer consumer =
                StreamConsumer.builder(db, KitOrder.class)
                        .streamsClient(local.streamsClient())
                        .handler(handled::addAll)
                        .build()) {
            // drain() runs the consumer on the test's thread until everything written is handled
            consumer.drain();
        }
        assertThatChanges(handled)
                .hasKinds(ChangeKind.INSERT, ChangeKind.MODIFY)
                .hasChangedFields(1, "status");
    }
}
