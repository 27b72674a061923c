package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.s;
import static dev.dynamorm.local.Fixtures.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the engine accepts replays; interrupted callers never harm the shared log. */
class StorageReplayTest {
    @TempDir Path dir;

    @Test
    void longAttributeNamesAndLoneSurrogatesReplayAfterACrash() throws Exception {
        String longName = "n".repeat(60_000);
        String lone1 = "a set member long enough to be written raw \uD800";
        String lone2 = "a set member long enough to be written raw \uDBFF";
        String longLone = "a long string value with a lone surrogate \uDC00 in the middle";
        String t;
        Path crashed = dir.resolve("crashed");
        java.nio.file.Files.createDirectories(crashed);
        try (LocalDynamoDb db =
                LocalDynamoDb.builder().dataDirectory(dir.resolve("live")).start()) {
            var c = db.client();
            t = Fixtures.hashTable(c);
            c.updateItem(
                    r ->
                            r.tableName(t)
                                    .key(item("pk", s("long")))
                                    .updateExpression("SET #n = :v")
                                    .expressionAttributeNames(Map.of("#n", longName))
                                    .expressionAttributeValues(item(":v", s("x"))));
            c.putItem(
                    r ->
                            r.tableName(t)
                                    .item(
                                            item(
                                                    "pk",
                                                    s("lone"),
                                                    "set",
                                                    ss(lone1, lone2),
                                                    "text",
                                                    s(longLone))));
            Map<String, AttributeValue> before =
                    c.getItem(r -> r.tableName(t).key(item("pk", s("lone")))).item();
            assertThat(before.get("set").ss()).hasSize(2);
            java.nio.file.Files.copy(
                    dir.resolve("live/snapshot.bin"), crashed.resolve("snapshot.bin"));
            java.nio.file.Files.copy(dir.resolve("live/wal.bin"), crashed.resolve("wal.bin"));
        }
        for (Path d : List.of(dir.resolve("live"), crashed)) {
            try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(d).start()) {
                var c = db.client();
                assertThat(c.getItem(r -> r.tableName(t).key(item("pk", s("long")))).item())
                        .containsKey(longName);
                Map<String, AttributeValue> lone =
                        c.getItem(r -> r.tableName(t).key(item("pk", s("lone")))).item();
                assertThat(lone.get("set").ss()).containsExactlyInAnyOrder(lone1, lone2);
                assertThat(lone.get("text").s()).isEqualTo(longLone);
            }
        }
    }

    @Test
    void attributeNamesUpTo65535BytesAreAcceptedAndLongerOnesRefusedAsDynamoDbDoes() {
        String longest = "p".repeat(65_535);
        String tooLong = "p".repeat(65_536);
        String t;
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            var c = db.client();
            t = Fixtures.hashTable(c);
            c.putItem(r -> r.tableName(t).item(item("pk", s("put"), longest, s("v"))));
            assertThatThrownBy(
                            () ->
                                    c.putItem(
                                            r ->
                                                    r.tableName(t)
                                                            .item(
                                                                    item(
                                                                            "pk", s("put2"),
                                                                            tooLong, s("v")))))
                    .hasMessageContaining(
                            "1 validation error detected: Attribute name is too large, must be"
                                    + " less than 65536 bytes");
            assertThatThrownBy(
                            () ->
                                    c.updateItem(
                                            r ->
                                                    r.tableName(t)
                                                            .key(item("pk", s("upd")))
                                                            .updateExpression("SET #n = :v")
                                                            .expressionAttributeNames(
                                                                    Map.of(
                                                                            "#n",
                                                                            "é".repeat(40_000)))
                                                            .expressionAttributeValues(
                                                                    item(":v", s("x")))))
                    .hasMessageContaining("Attribute name is too large");
            assertThat(c.getItem(r -> r.tableName(t).key(item("pk", s("upd")))).hasItem())
                    .isFalse();
        }
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            assertThat(db.client().getItem(r -> r.tableName(t).key(item("pk", s("put")))).item())
                    .containsKey(longest);
        }
    }

    @Test
    void interruptedCallersNeverCloseTheLog() throws Exception {
        Path live = dir.resolve("live");
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        String t;
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(live).start()) {
            var c = db.client();
            t = Fixtures.hashTable(c);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger next = new AtomicInteger();
            try {
                for (int round = 0; round < 40; round++) {
                    int before = acknowledged.size();
                    List<Future<?>> futures = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        futures.add(
                                pool.submit(
                                        () -> {
                                            for (int j = 0; j < 5; j++) {
                                                String k = "k" + next.incrementAndGet();
                                                try {
                                                    c.putItem(
                                                            r ->
                                                                    r.tableName(t)
                                                                            .item(
                                                                                    item(
                                                                                            "pk",
                                                                                            s(k))));
                                                    acknowledged.add(k);
                                                } catch (RuntimeException e) {
                                                    // an interrupted SDK call may give up; the
                                                    // log must not
                                                }
                                            }
                                        }));
                    }
                    // interrupt while writes are in flight, once this round has had one
                    // acknowledged (bounded: a loaded machine may not get that far)
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                    do {
                        Thread.sleep(1);
                    } while (acknowledged.size() == before && System.nanoTime() < until);
                    futures.forEach(f -> f.cancel(true));
                }
            } finally {
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            // the log still takes writes after all those interrupts
            c.putItem(r -> r.tableName(t).item(item("pk", s("last"))));
            acknowledged.add("last");
        }
        assertThat(acknowledged.size()).isGreaterThan(1);
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(live).start()) {
            for (String k : acknowledged) {
                assertThat(db.client().getItem(r -> r.tableName(t).key(item("pk", s(k)))).hasItem())
                        .as(k)
                        .isTrue();
            }
        }
    }

    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    private static void increment(
            software.amazon.awssdk.services.dynamodb.DynamoDbClient c,
            String t,
            String token,
            int by) {
        c.transactWriteItems(
                r ->
                        r.clientRequestToken(token)
                                .transactItems(
                                        i ->
                                                i.update(
                                                        u ->
                                                                u.tableName(t)
                                                                        .key(
                                                                                item(
                                                                                        "pk",
                                                                                        s(
                                                                                                "counter")))
                                                                        .updateExpression(
                                                                                "ADD n :by")
                                                                        .expressionAttributeValues(
                                                                                item(
                                                                                        ":by",
                                                                                        Fixtures.n(
                                                                                                by))))));
    }

    private static String counter(
            software.amazon.awssdk.services.dynamodb.DynamoDbClient c, String t) {
        return c.getItem(r -> r.tableName(t).key(item("pk", s("counter")))).item().get("n").n();
    }

    @Test
    void transactionTokensSurviveARestartAndACrash() throws Exception {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        java.nio.file.Files.createDirectories(crashed);
        String t;
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(live).start()) {
            t = Fixtures.hashTable(db.client());
            increment(db.client(), t, "token-in-snapshot", 1);
        }
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(live).start()) {
            // from the snapshot: the retry is not applied again
            increment(db.client(), t, "token-in-snapshot", 1);
            assertThat(counter(db.client(), t)).isEqualTo("1");
            increment(db.client(), t, "token-in-log", 10);
            java.nio.file.Files.copy(live.resolve("snapshot.bin"), crashed.resolve("snapshot.bin"));
            java.nio.file.Files.copy(live.resolve("wal.bin"), crashed.resolve("wal.bin"));
        }
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(crashed).start()) {
            // from the log after a crash
            increment(db.client(), t, "token-in-log", 10);
            increment(db.client(), t, "token-in-snapshot", 1);
            assertThat(counter(db.client(), t)).isEqualTo("11");
            assertThatThrownBy(() -> increment(db.client(), t, "token-in-log", 99))
                    .hasMessageContaining(
                            "Request with the same client request token but different parameters");
            increment(db.client(), t, "a-new-token", 100);
            assertThat(counter(db.client(), t)).isEqualTo("111");
        }
    }

    @Test
    void closeStopsTheInProcessClient() {
        LocalDynamoDb db = LocalDynamoDb.start();
        var c = db.client();
        String t = Fixtures.hashTable(c);
        db.close();
        assertThatThrownBy(() -> c.putItem(r -> r.tableName(t).item(item("pk", s("a")))))
                .hasMessageContaining("LocalDynamoDb is closed");
    }
}
