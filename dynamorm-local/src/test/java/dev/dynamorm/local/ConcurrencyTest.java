package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class ConcurrencyTest {
    @Test
    void optimisticIncrementsLoseNoUpdate() throws Exception {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            DynamoDbClient c = db.client();
            String t = Fixtures.hashTable(c);
            for (int k = 0; k < 3; k++) {
                int key = k;
                c.putItem(r -> r.tableName(t).item(item("pk", s("c" + key), "n", n(0))));
            }
            int threads = 8;
            int perThread = 50;
            AtomicInteger retries = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int th = 0; th < threads; th++) {
                futures.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < perThread; i++) {
                                        String key = "c" + (i % 3);
                                        while (true) {
                                            String current =
                                                    c.getItem(
                                                                    r ->
                                                                            r.tableName(t)
                                                                                    .key(
                                                                                            item(
                                                                                                    "pk",
                                                                                                    s(
                                                                                                            key))))
                                                            .item()
                                                            .get("n")
                                                            .n();
                                            try {
                                                c.updateItem(
                                                        r ->
                                                                r.tableName(t)
                                                                        .key(item("pk", s(key)))
                                                                        .updateExpression(
                                                                                "SET n = :next")
                                                                        .conditionExpression(
                                                                                "n = :cur")
                                                                        .expressionAttributeValues(
                                                                                item(
                                                                                        ":cur",
                                                                                        n(current),
                                                                                        ":next",
                                                                                        n(
                                                                                                Integer
                                                                                                                .parseInt(
                                                                                                                        current)
                                                                                                        + 1))));
                                                break;
                                            } catch (ConditionalCheckFailedException e) {
                                                retries.incrementAndGet();
                                            }
                                        }
                                        c.updateItem(
                                                r ->
                                                        r.tableName(t)
                                                                .key(item("pk", s("atomic")))
                                                                .updateExpression("ADD n :one")
                                                                .expressionAttributeValues(
                                                                        item(":one", n(1))));
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            int total = 0;
            for (int k = 0; k < 3; k++) {
                int key = k;
                total +=
                        Integer.parseInt(
                                c.getItem(r -> r.tableName(t).key(item("pk", s("c" + key))))
                                        .item()
                                        .get("n")
                                        .n());
            }
            assertThat(total).isEqualTo(threads * perThread);
            assertThat(c.getItem(r -> r.tableName(t).key(item("pk", s("atomic")))).item().get("n"))
                    .isEqualTo(n(threads * perThread));
        }
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void transactionsAreAtomicUnderConcurrentWrites() throws Exception {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            DynamoDbClient c = db.client();
            String a = Fixtures.hashTable(c);
            String b = Fixtures.hashTable(c);
            c.putItem(r -> r.tableName(a).item(item("pk", s("x"), "n", n(1000))));
            c.putItem(r -> r.tableName(b).item(item("pk", s("y"), "n", n(0))));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int th = 0; th < 4; th++) {
                futures.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 40; i++) {
                                        c.transactWriteItems(
                                                r ->
                                                        r.transactItems(
                                                                TransactWriteItem.builder()
                                                                        .update(
                                                                                u ->
                                                                                        u.tableName(
                                                                                                        a)
                                                                                                .key(
                                                                                                        item(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "x")))
                                                                                                .updateExpression(
                                                                                                        "SET n = n - :one")
                                                                                                .expressionAttributeValues(
                                                                                                        item(
                                                                                                                ":one",
                                                                                                                n(
                                                                                                                        1))))
                                                                        .build(),
                                                                TransactWriteItem.builder()
                                                                        .update(
                                                                                u ->
                                                                                        u.tableName(
                                                                                                        b)
                                                                                                .key(
                                                                                                        item(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "y")))
                                                                                                .updateExpression(
                                                                                                        "SET n = n + :one")
                                                                                                .expressionAttributeValues(
                                                                                                        item(
                                                                                                                ":one",
                                                                                                                n(
                                                                                                                        1))))
                                                                        .build()));
                                        var read =
                                                c.transactGetItems(
                                                        r ->
                                                                r.transactItems(
                                                                        x ->
                                                                                x.get(
                                                                                        g ->
                                                                                                g.tableName(
                                                                                                                a)
                                                                                                        .key(
                                                                                                                item(
                                                                                                                        "pk",
                                                                                                                        s(
                                                                                                                                "x")))),
                                                                        x ->
                                                                                x.get(
                                                                                        g ->
                                                                                                g.tableName(
                                                                                                                b)
                                                                                                        .key(
                                                                                                                item(
                                                                                                                        "pk",
                                                                                                                        s(
                                                                                                                                "y"))))));
                                        int sum =
                                                Integer.parseInt(
                                                                read.responses()
                                                                        .get(0)
                                                                        .item()
                                                                        .get("n")
                                                                        .n())
                                                        + Integer.parseInt(
                                                                read.responses()
                                                                        .get(1)
                                                                        .item()
                                                                        .get("n")
                                                                        .n());
                                        assertThat(sum).isEqualTo(1000);
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(c.getItem(r -> r.tableName(b).key(item("pk", s("y")))).item().get("n"))
                    .isEqualTo(n(160));
        }
    }
}
