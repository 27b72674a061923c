package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeToLiveTest {
    @Test
    void expiredItemsDisappear() throws InterruptedException {
        try (LocalDynamoDb db =
                LocalDynamoDb.builder().ttlSweepInterval(Duration.ofMillis(50)).start()) {
            var c = db.client();
            String t = Fixtures.hashTable(c);
            long now = System.currentTimeMillis() / 1000;
            c.putItem(r -> r.tableName(t).item(item("pk", s("old"), "exp", n(now - 10))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("future"), "exp", n(now + 3600))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("soon"), "exp", n(now + 1))));
            c.putItem(r -> r.tableName(t).item(item("pk", s("text"), "exp", s("not a number"))));
            assertThat(c.scan(r -> r.tableName(t)).count()).isEqualTo(4);
            c.updateTimeToLive(
                    r ->
                            r.tableName(t)
                                    .timeToLiveSpecification(
                                            x -> x.attributeName("exp").enabled(true)));
            assertThat(c.getItem(r -> r.tableName(t).key(item("pk", s("old")))).hasItem())
                    .isFalse();
            // "soon" may already be gone on a slow machine; the others are decided
            assertThat(c.scan(r -> r.tableName(t)).items())
                    .extracting(i -> i.get("pk").s())
                    .contains("future", "text")
                    .doesNotContain("old");
            // wait until "soon" is past its expiry second, then for the sweep (bounded)
            Thread.sleep(Math.max(0, (now + 2) * 1000 - System.currentTimeMillis()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // the sweep deletes it (the item count drops), reads hide it before that
            while (c.describeTable(r -> r.tableName(t)).table().itemCount() != 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(c.scan(r -> r.tableName(t)).items())
                    .extracting(i -> i.get("pk").s())
                    .containsExactlyInAnyOrder("future", "text");
            assertThat(c.describeTable(r -> r.tableName(t)).table().itemCount()).isEqualTo(2);
            // an expired item no longer blocks attribute_not_exists
            c.putItem(
                    r ->
                            r.tableName(t)
                                    .item(item("pk", s("old"), "exp", n(now + 3600)))
                                    .conditionExpression("attribute_not_exists(pk)"));
        }
    }
}
