package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;

/**
 * Expired items stay until the TTL sweep deletes them, as in DynamoDB: "Items that have expired and
 * not been deleted will still show up in reads, queries, and scans" (UpdateTimeToLive API
 * reference), and "If they are not filtered, they'll continue to show in read and write operations
 * until they are deleted by the background process" (developer guide, "Working with expired
 * items").
 */
class TimeToLiveTest {

    private static void enableTtl(DynamoDbClient c, String t) {
        c.updateTimeToLive(
                r ->
                        r.tableName(t)
                                .timeToLiveSpecification(
                                        x -> x.attributeName("exp").enabled(true)));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return item("pk", s(pk), "sk", s(sk));
    }

    @Test
    void expiredItems_stayVisibleToReadsConditionsAndUpdates_untilTheSweepDeletesThem() {
        // the scheduled sweeper waits a day: only sweepExpiredNow() deletes here
        try (LocalDynamoDb db =
                LocalDynamoDb.builder().ttlSweepInterval(Duration.ofDays(1)).start()) {
            DynamoDbClient c = db.client();
            String t = Fixtures.rangeTable(c);
            enableTtl(c, t);
            long now = System.currentTimeMillis() / 1000;
            c.putItem(
                    r ->
                            r.tableName(t)
                                    .item(
                                            item(
                                                    "pk",
                                                    s("p"),
                                                    "sk",
                                                    s("old"),
                                                    "exp",
                                                    n(now - 3600))));
            c.putItem(
                    r ->
                            r.tableName(t)
                                    .item(
                                            item(
                                                    "pk",
                                                    s("p"),
                                                    "sk",
                                                    s("live"),
                                                    "exp",
                                                    n(now + 3600))));
            c.putItem(
                    r ->
                            r.tableName(t)
                                    .item(item("pk", s("p"), "sk", s("gone"), "exp", n(now - 60))));

            assertThat(c.getItem(r -> r.tableName(t).key(key("p", "old"))).item())
                    .containsEntry("exp", n(now - 3600));
            assertThat(
                            c.query(
                                            r ->
                                                    r.tableName(t)
                                                            .keyConditionExpression("pk = :p")
                                                            .expressionAttributeValues(
                                                                    Map.of(":p", s("p"))))
                                    .items())
                    .extracting(i -> i.get("sk").s())
                    .containsExactly("gone", "live", "old");
            assertThat(c.scan(r -> r.tableName(t)).count()).isEqualTo(3);
            assertThat(c.scan(r -> r.tableName(t).select(Select.COUNT)).count()).isEqualTo(3);
            KeysAndAttributes keys =
                    KeysAndAttributes.builder()
                            .keys(List.of(key("p", "old"), key("p", "live")))
                            .build();
            assertThat(c.batchGetItem(r -> r.requestItems(Map.of(t, keys))).responses().get(t))
                    .hasSize(2);
            TransactGetItem get =
                    TransactGetItem.builder().get(g -> g.tableName(t).key(key("p", "old"))).build();
            assertThat(
                            c.transactGetItems(r -> r.transactItems(List.of(get)))
                                    .responses()
                                    .get(0)
                                    .hasItem())
                    .isTrue();
            // a condition sees it: it still exists
            assertThatThrownBy(
                            () ->
                                    c.putItem(
                                            r ->
                                                    r.tableName(t)
                                                            .item(key("p", "old"))
                                                            .conditionExpression(
                                                                    "attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            // an update changes the stored item (it does not start from nothing)
            Map<String, AttributeValue> before =
                    c.updateItem(
                                    r ->
                                            r.tableName(t)
                                                    .key(key("p", "gone"))
                                                    .updateExpression("SET v = :v")
                                                    .conditionExpression("attribute_exists(exp)")
                                                    .expressionAttributeValues(Map.of(":v", n(1)))
                                                    .returnValues(ReturnValue.ALL_OLD))
                            .attributes();
            assertThat(before).containsEntry("exp", n(now - 60));
            assertThat(c.describeTable(r -> r.tableName(t)).table().itemCount()).isEqualTo(3);

            assertThat(db.sweepExpiredNow()).isEqualTo(2);

            assertThat(c.getItem(r -> r.tableName(t).key(key("p", "old"))).hasItem()).isFalse();
            assertThat(Fixtures.strings(c.scan(r -> r.tableName(t)).items(), "sk"))
                    .containsExactly("live");
            // now absent, so attribute_not_exists holds
            c.putItem(
                    r ->
                            r.tableName(t)
                                    .item(item("pk", s("p"), "sk", s("old"), "exp", n(now + 60)))
                                    .conditionExpression("attribute_not_exists(pk)"));
            assertThat(db.sweepExpiredNow()).isZero();
        }
    }

    @Test
    void theScheduledSweeper_deletesExpiredItemsWithoutBeingAsked() throws InterruptedException {
        try (LocalDynamoDb db =
                LocalDynamoDb.builder().ttlSweepInterval(Duration.ofMillis(50)).start()) {
            DynamoDbClient c = db.client();
            String t = Fixtures.hashTable(c);
            long now = System.currentTimeMillis() / 1000;
            c.putItem(r -> r.tableName(t).item(item("pk", s("old"), "exp", n(now - 10))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("future"), "exp", n(now + 3600))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("text"), "exp", s("not a number"))));
            enableTtl(c, t);
            // bounded wait for the sweeper (it runs every 50 ms)
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (c.describeTable(r -> r.tableName(t)).table().itemCount() != 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Fixtures.strings(c.scan(r -> r.tableName(t)).items(), "pk"))
                    .containsExactlyInAnyOrderElementsOf(List.of("future", "text"));
        }
    }
}
