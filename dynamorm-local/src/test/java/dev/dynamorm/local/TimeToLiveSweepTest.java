package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The TTL sweeper deletes what expired, and only visits what expired: sweeps run on demand here
 * (the scheduled sweeper waits an hour), so each test decides exactly when one happens.
 */
class TimeToLiveSweepTest {
    private static final long NOW = System.currentTimeMillis() / 1000;
    private static final long SIX_YEARS = 6L * 366 * 24 * 3600;

    private static LocalDynamoDb.Builder manualSweeps() {
        return LocalDynamoDb.builder().ttlSweepInterval(Duration.ofHours(1));
    }

    private static void ttl(DynamoDbClient c, String t, String attribute, boolean enabled) {
        c.updateTimeToLive(
                r ->
                        r.tableName(t)
                                .timeToLiveSpecification(
                                        x -> x.attributeName(attribute).enabled(enabled)));
    }

    private static List<String> keys(DynamoDbClient c, String t) {
        return Fixtures.strings(c.scan(r -> r.tableName(t)).items(), "pk");
    }

    private static long itemCount(DynamoDbClient c, String t) {
        return c.describeTable(r -> r.tableName(t)).table().itemCount();
    }

    @Test
    void sweep_deletesExpiredItems_andRecordsTheirRemovalByTheService() {
        try (LocalDynamoDb db = manualSweeps().start()) {
            DynamoDbClient c = db.client();
            String t = StreamsTest.streamTable(c, StreamViewType.NEW_AND_OLD_IMAGES);
            ttl(c, t, "exp", true);
            c.putItem(r -> r.tableName(t).item(item("pk", s("old"), "exp", n(NOW - 10))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("future"), "exp", n(NOW + 3600))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("none"))));
            // stored, and visible, until the sweep
            assertThat(keys(c, t)).containsExactlyInAnyOrder("old", "future", "none");
            assertThat(itemCount(c, t)).isEqualTo(3);

            assertThat(db.sweepExpiredNow()).isEqualTo(1);
            assertThat(itemCount(c, t)).isEqualTo(2);
            assertThat(keys(c, t)).containsExactlyInAnyOrder("future", "none");
            assertThat(db.sweepExpiredNow()).isZero();

            List<Record> records = StreamsTest.all(db.streamsClient(), StreamsTest.arn(c, t));
            assertThat(records)
                    .extracting(
                            r -> r.eventNameAsString() + " " + r.dynamodb().keys().get("pk").s())
                    .containsExactlyInAnyOrder(
                            "INSERT old", "INSERT future", "INSERT none", "REMOVE old");
            Record removal =
                    records.stream()
                            .filter(r -> r.eventNameAsString().equals("REMOVE"))
                            .findFirst()
                            .orElseThrow();
            assertThat(removal.userIdentity().type()).isEqualTo("Service");
            assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            assertThat(removal.dynamodb().oldImage()).containsEntry("exp", n(NOW - 10));
            assertThat(records)
                    .filteredOn(r -> r.eventNameAsString().equals("INSERT"))
                    .allSatisfy(r -> assertThat(r.userIdentity()).isNull());
        }
    }

    @Test
    void updates_moveAnItemsExpiry() {
        try (LocalDynamoDb db = manualSweeps().start()) {
            DynamoDbClient c = db.client();
            String t = Fixtures.hashTable(c);
            ttl(c, t, "exp", true);
            for (String k : List.of("earlier", "text", "removed", "replaced")) {
                c.putItem(r -> r.tableName(t).item(item("pk", s(k), "exp", n(NOW + 3600))));
            }
            c.putItem(r -> r.tableName(t).item(item("pk", s("later"), "exp", n(NOW - 10))));
            set(c, t, "earlier", n(NOW - 10));
            set(c, t, "text", s("not a number"));
            c.updateItem(
                    r ->
                            r.tableName(t)
                                    .key(item("pk", s("removed")))
                                    .updateExpression("REMOVE exp"));
            c.putItem(r -> r.tableName(t).item(item("pk", s("replaced"), "exp", n(NOW - 10))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("replaced"), "exp", n(NOW + 7200))));
            // an expired item is still there until the sweep: the update moves its expiry
            set(c, t, "later", n(NOW + 3600));

            assertThat(db.sweepExpiredNow()).isEqualTo(1);
            assertThat(keys(c, t))
                    .containsExactlyInAnyOrder("text", "removed", "replaced", "later");
            assertThat(itemCount(c, t)).isEqualTo(4);
            assertThat(c.getItem(r -> r.tableName(t).key(item("pk", s("replaced")))).item())
                    .containsEntry("exp", n(NOW + 7200));
        }
    }

    private static void set(DynamoDbClient c, String t, String key, AttributeValue exp) {
        c.updateItem(
                r ->
                        r.tableName(t)
                                .key(item("pk", s(key)))
                                .updateExpression("SET exp = :v")
                                .expressionAttributeValues(Map.of(":v", exp)));
    }

    @Test
    void disablingTtl_keepsTheItems_andAnotherAttributeTakesOver() {
        try (LocalDynamoDb db = manualSweeps().start()) {
            DynamoDbClient c = db.client();
            String t = Fixtures.hashTable(c);
            ttl(c, t, "exp", true);
            c.putItem(r -> r.tableName(t).item(item("pk", s("a"), "exp", n(NOW - 10))));
            assertThat(keys(c, t)).containsExactly("a");

            ttl(c, t, "exp", false);
            assertThat(db.sweepExpiredNow()).isZero();
            assertThat(keys(c, t)).containsExactly("a");
            // written while TTL is off: the other attribute is indexed when it is switched on
            c.putItem(
                    r ->
                            r.tableName(t)
                                    .item(
                                            item(
                                                    "pk",
                                                    s("b"),
                                                    "exp",
                                                    n(NOW + 3600),
                                                    "until",
                                                    n(NOW - 10))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("c"), "until", n(NOW + 3600))));
            assertThat(db.sweepExpiredNow()).isZero();

            ttl(c, t, "until", true);
            // "b" expired by "until" now, but stays until the sweep
            assertThat(keys(c, t)).containsExactlyInAnyOrder("a", "b", "c");
            c.putItem(r -> r.tableName(t).item(item("pk", s("d"), "until", n(NOW - 10))));
            assertThat(db.sweepExpiredNow()).isEqualTo(2);
            assertThat(keys(c, t)).containsExactlyInAnyOrder("a", "c");
            assertThat(itemCount(c, t)).isEqualTo(2);
        }
    }

    @Test
    void sweep_visitsOnlyTheExpiredItems() {
        int unexpired = 2_000;
        try (LocalDynamoDb db = manualSweeps().start()) {
            DynamoDbClient c = db.client();
            String t = Fixtures.hashTable(c);
            ttl(c, t, "exp", true);
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < unexpired; i++) {
                // half expire in an hour, half carry no TTL attribute
                Map<String, AttributeValue> it =
                        i % 2 == 0
                                ? item("pk", s("k" + i), "exp", n(NOW + 3600 + i))
                                : item("pk", s("k" + i));
                writes.add(WriteRequest.builder().putRequest(p -> p.item(it)).build());
                if (writes.size() == 25 || i == unexpired - 1) {
                    List<WriteRequest> batch = List.copyOf(writes);
                    c.batchWriteItem(r -> r.requestItems(Map.of(t, batch)));
                    writes.clear();
                }
            }
            // more than five years past: DynamoDB never deletes these, and neither does the sweep
            c.putItem(
                    r -> r.tableName(t).item(item("pk", s("ancient"), "exp", n(NOW - SIX_YEARS))));
            for (String k : List.of("x", "y", "z")) {
                c.putItem(r -> r.tableName(t).item(item("pk", s(k), "exp", n(NOW - 10))));
            }

            long before = db.sweepVisits();
            assertThat(db.sweepExpiredNow()).isEqualTo(3);
            // the three expired entries and the first one that is not
            assertThat(db.sweepVisits() - before).isEqualTo(4);
            before = db.sweepVisits();
            assertThat(db.sweepExpiredNow()).isZero();
            assertThat(db.sweepVisits() - before).isEqualTo(1);
            assertThat(itemCount(c, t)).isEqualTo(unexpired + 1);
            assertThat(c.getItem(r -> r.tableName(t).key(item("pk", s("ancient")))).hasItem())
                    .isTrue();
        }
    }

    @Test
    void expiredItemsInTheDataDirectory_areSweptAfterARestart(@TempDir Path dir) {
        String t;
        try (LocalDynamoDb db = manualSweeps().dataDirectory(dir).start()) {
            DynamoDbClient c = db.client();
            t = Fixtures.hashTable(c);
            ttl(c, t, "exp", true);
            c.putItem(r -> r.tableName(t).item(item("pk", s("old"), "exp", n(NOW - 10))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("new"), "exp", n(NOW + 3600))));
        }
        try (LocalDynamoDb db = manualSweeps().dataDirectory(dir).start()) {
            DynamoDbClient c = db.client();
            assertThat(itemCount(c, t)).isEqualTo(2);
            assertThat(db.sweepExpiredNow()).isEqualTo(1);
            assertThat(keys(c, t)).containsExactly("new");
            assertThat(itemCount(c, t)).isEqualTo(1);
        }
    }
}
