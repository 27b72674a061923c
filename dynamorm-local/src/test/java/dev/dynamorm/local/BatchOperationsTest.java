package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchOperationsTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static WriteRequest delete(String pk) {
        return WriteRequest.builder().deleteRequest(d -> d.key(item("pk", s(pk)))).build();
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void writeThenGetAcrossTables() {
        String a = Fixtures.hashTable(client);
        String b = Fixtures.hashTable(client);
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writes.add(put(item("pk", s("k" + i), "v", n(i))));
        }
        var resp =
                client.batchWriteItem(
                        r ->
                                r.requestItems(
                                        Map.of(a, writes, b, List.of(put(item("pk", s("x")))))));
        assertThat(resp.unprocessedItems()).isEmpty();
        client.batchWriteItem(r -> r.requestItems(Map.of(a, List.of(delete("k0"), delete("k1")))));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(item("pk", s("k" + i)));
        }
        var got =
                client.batchGetItem(
                        r ->
                                r.requestItems(
                                        Map.of(
                                                a,
                                                        KeysAndAttributes.builder()
                                                                .keys(keys)
                                                                .projectionExpression("v")
                                                                .build(),
                                                b,
                                                        KeysAndAttributes.builder()
                                                                .keys(item("pk", s("x")))
                                                                .build())));
        assertThat(got.responses().get(a))
                .hasSize(3)
                .allSatisfy(i -> assertThat(i).containsOnlyKeys("v"));
        assertThat(got.responses().get(b)).hasSize(1);
        assertThat(got.unprocessedKeys()).isEmpty();
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void limitsAndDuplicates() {
        String t = Fixtures.hashTable(client);
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            tooMany.add(put(item("pk", s("k" + i))));
        }
        assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(t, tooMany))))
                .hasMessageContaining("Member must have length less than or equal to 25");
        String other = Fixtures.hashTable(client);
        assertThatThrownBy(
                        () ->
                                client.batchWriteItem(
                                        r ->
                                                r.requestItems(
                                                        Map.of(
                                                                t,
                                                                tooMany.subList(0, 13),
                                                                other,
                                                                tooMany.subList(13, 26)))))
                .hasMessageContaining("Too many items requested for the BatchWriteItem call");
        assertThatThrownBy(
                        () ->
                                client.batchWriteItem(
                                        r ->
                                                r.requestItems(
                                                        Map.of(
                                                                t,
                                                                List.of(
                                                                        put(item("pk", s("d"))),
                                                                        delete("d"))))))
                .hasMessageContaining("Provided list of item keys contains duplicates");
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(item("pk", s("k" + i)));
        }
        assertThatThrownBy(
                        () ->
                                client.batchGetItem(
                                        r ->
                                                r.requestItems(
                                                        Map.of(
                                                                t,
                                                                KeysAndAttributes.builder()
                                                                        .keys(keys)
                                                                        .build()))))
                .hasMessageContaining(
                        "1 validation error detected: Value at 'RequestItems."
                                + t
                                + ".member.Keys' failed to satisfy constraint: Member must have"
                                + " length less than or equal to 100");
        assertThatThrownBy(
                        () ->
                                client.batchGetItem(
                                        r ->
                                                r.requestItems(
                                                        Map.of(
                                                                t,
                                                                KeysAndAttributes.builder()
                                                                        .keys(
                                                                                item("pk", s("a")),
                                                                                item("pk", s("a")))
                                                                        .build()))))
                .hasMessageContaining("Provided list of item keys contains duplicates");
        assertThatThrownBy(
                        () ->
                                client.batchGetItem(
                                        r ->
                                                r.requestItems(
                                                        Map.of(
                                                                "no-such-table",
                                                                KeysAndAttributes.builder()
                                                                        .keys(item("pk", s("a")))
                                                                        .build()))))
                .isInstanceOf(ResourceNotFoundException.class);
        // the member constraint wins over the unknown table
        assertThatThrownBy(
                        () ->
                                client.batchGetItem(
                                        r ->
                                                r.requestItems(
                                                        Map.of(
                                                                "no-such-table",
                                                                KeysAndAttributes.builder()
                                                                        .keys(keys)
                                                                        .build()))))
                .hasMessageStartingWith(
                        "1 validation error detected: Value at 'RequestItems.no-such-table.member.Keys'"
                                + " failed to satisfy constraint: Member must have length less than"
                                + " or equal to 100 (Service: DynamoDb, Status Code: 400")
                .isInstanceOf(
                        software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class);
    }

    @Test
    void unprocessedItemsCanBeRetried() {
        String t = Fixtures.hashTable(client);
        db.faults(FaultInjection.builder().seed(7).unprocessedRate(0.5).build());
        try {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                writes.add(put(item("pk", s("k" + i))));
            }
            Map<String, List<WriteRequest>> pending = Map.of(t, writes);
            int rounds = 0;
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> req = pending;
                var resp = client.batchWriteItem(r -> r.requestItems(req));
                if (rounds == 0) {
                    assertThat(resp.unprocessedItems()).isNotEmpty();
                }
                pending = resp.unprocessedItems();
                rounds++;
            }
            assertThat(rounds).isGreaterThan(1);
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                keys.add(item("pk", s("k" + i)));
            }
            Map<String, KeysAndAttributes> wanted =
                    Map.of(t, KeysAndAttributes.builder().keys(keys).build());
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            while (!wanted.isEmpty()) {
                Map<String, KeysAndAttributes> req = wanted;
                var resp = client.batchGetItem(r -> r.requestItems(req));
                found.addAll(resp.responses().getOrDefault(t, List.of()));
                wanted = resp.unprocessedKeys();
            }
            assertThat(found).hasSize(25);
        } finally {
            db.faults(FaultInjection.none());
        }
    }
}
