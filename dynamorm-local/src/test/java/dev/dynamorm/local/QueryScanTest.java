package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.b;
import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanTest {
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

    private static List<Map<String, AttributeValue>> queryAll(String table, boolean forward) {
        return client.query(
                        r ->
                                r.tableName(table)
                                        .keyConditionExpression("pk = :p")
                                        .expressionAttributeValues(item(":p", s("p")))
                                        .scanIndexForward(forward))
                .items();
    }

    @Test
    void stringSortKeysOrderByUtf8Bytes() {
        String t = Fixtures.rangeTable(client);
        // U+FF21 (fullwidth A) sorts before U+1F600 (emoji) in UTF-8 but after it in UTF-16
        for (String sk : List.of("b", "a", "B", "aa", "\uFF21", "\uD83D\uDE00", "", "0")) {
            if (!sk.isEmpty()) {
                client.putItem(r -> r.tableName(t).item(item("pk", s("p"), "sk", s(sk))));
            }
        }
        assertThat(Fixtures.strings(queryAll(t, true), "sk"))
                .containsExactly("0", "B", "a", "aa", "b", "\uFF21", "\uD83D\uDE00");
        assertThat(Fixtures.strings(queryAll(t, false), "sk"))
                .containsExactly("\uD83D\uDE00", "\uFF21", "b", "aa", "a", "B", "0");
    }

    @Test
    void numberSortKeysOrderNumerically() {
        String t = Fixtures.table(client, ScalarAttributeType.S, ScalarAttributeType.N);
        for (String v : List.of("10", "9", "-1", "1.5", "100", "-20", "0")) {
            client.putItem(r -> r.tableName(t).item(item("pk", s("p"), "sk", n(v))));
        }
        assertThat(queryAll(t, true).stream().map(i -> i.get("sk").n()).toList())
                .containsExactly("-20", "-1", "0", "1.5", "9", "10", "100");
        var between =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression(
                                                "pk = :p AND sk BETWEEN :lo AND :hi")
                                        .expressionAttributeValues(
                                                item(":p", s("p"), ":lo", n(0), ":hi", n(10))));
        assertThat(between.items().stream().map(i -> i.get("sk").n()).toList())
                .containsExactly("0", "1.5", "9", "10");
        var lt =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p AND sk < :v")
                                        .expressionAttributeValues(item(":p", s("p"), ":v", n(0))));
        assertThat(lt.count()).isEqualTo(2);
        var ge =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p AND sk >= :v")
                                        .expressionAttributeValues(
                                                item(":p", s("p"), ":v", n(10))));
        assertThat(ge.count()).isEqualTo(2);
    }

    @Test
    void binarySortKeysOrderUnsigned() {
        String t = Fixtures.table(client, ScalarAttributeType.S, ScalarAttributeType.B);
        client.putItem(r -> r.tableName(t).item(item("pk", s("p"), "sk", b(0xFF))));
        client.putItem(r -> r.tableName(t).item(item("pk", s("p"), "sk", b(0x01, 0x02))));
        client.putItem(r -> r.tableName(t).item(item("pk", s("p"), "sk", b(0x01))));
        client.putItem(r -> r.tableName(t).item(item("pk", s("p"), "sk", b(0x7F))));
        assertThat(queryAll(t, true).stream().map(i -> i.get("sk")).toList())
                .containsExactly(b(0x01), b(0x01, 0x02), b(0x7F), b(0xFF));
        var prefix =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p AND begins_with(sk, :b)")
                                        .expressionAttributeValues(
                                                item(":p", s("p"), ":b", b(0x01))));
        assertThat(prefix.count()).isEqualTo(2);
    }

    @Test
    void beginsWithAndComparisons() {
        String t = Fixtures.rangeTable(client);
        for (String sk : List.of("order#1", "order#2", "order#3", "profile", "other")) {
            client.putItem(r -> r.tableName(t).item(item("pk", s("p"), "sk", s(sk))));
        }
        var r1 =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p AND begins_with(sk, :o)")
                                        .expressionAttributeValues(
                                                item(":p", s("p"), ":o", s("order#")))
                                        .scanIndexForward(false));
        assertThat(Fixtures.strings(r1.items(), "sk"))
                .containsExactly("order#3", "order#2", "order#1");
        var r2 =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("#k = :p AND #s > :o")
                                        .expressionAttributeNames(Map.of("#k", "pk", "#s", "sk"))
                                        .expressionAttributeValues(
                                                item(":p", s("p"), ":o", s("order#2"))));
        assertThat(Fixtures.strings(r2.items(), "sk"))
                .containsExactly("order#3", "other", "profile");
        var none =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p")
                                        .expressionAttributeValues(item(":p", s("nobody"))));
        assertThat(none.count()).isZero();
        assertThat(none.items()).isEmpty();
    }

    @Test
    void paginationWithLimitAndFilter() {
        String t = Fixtures.table(client, ScalarAttributeType.S, ScalarAttributeType.N);
        for (int i = 0; i < 10; i++) {
            int v = i;
            client.putItem(
                    r ->
                            r.tableName(t)
                                    .item(
                                            item(
                                                    "pk",
                                                    s("p"),
                                                    "sk",
                                                    n(v),
                                                    "even",
                                                    Fixtures.bool(v % 2 == 0))));
        }
        QueryResponse first =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p")
                                        .filterExpression("even = :t")
                                        .expressionAttributeValues(
                                                item(":p", s("p"), ":t", Fixtures.bool(true)))
                                        .limit(3));
        assertThat(first.scannedCount()).isEqualTo(3);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.lastEvaluatedKey()).isEqualTo(item("pk", s("p"), "sk", n(2)));
        List<String> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page =
                    client.query(
                            r ->
                                    r.tableName(t)
                                            .keyConditionExpression("pk = :p")
                                            .expressionAttributeValues(item(":p", s("p")))
                                            .limit(4)
                                            .exclusiveStartKey(from));
            page.items().forEach(i -> all.add(i.get("sk").n()));
            start =
                    page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                            ? page.lastEvaluatedKey()
                            : null;
            pages++;
        } while (start != null);
        assertThat(all).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(pages).isEqualTo(3);
        var paginated =
                client.queryPaginator(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p")
                                        .expressionAttributeValues(item(":p", s("p")))
                                        .limit(3)
                                        .scanIndexForward(false));
        assertThat(paginated.items().stream().map(i -> i.get("sk").n()).toList())
                .containsExactly("9", "8", "7", "6", "5", "4", "3", "2", "1", "0");
        var count =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p")
                                        .select(Select.COUNT)
                                        .expressionAttributeValues(item(":p", s("p"))));
        assertThat(count.count()).isEqualTo(10);
        assertThat(count.hasItems()).isFalse();
    }

    @Test
    void oneMegabytePageLimit() {
        String t = Fixtures.rangeTable(client);
        String blob = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            String sk = "k" + i;
            client.putItem(
                    r -> r.tableName(t).item(item("pk", s("p"), "sk", s(sk), "blob", s(blob))));
        }
        QueryResponse page =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :p")
                                        .expressionAttributeValues(item(":p", s("p"))));
        assertThat(page.count()).isEqualTo(4);
        assertThat(page.lastEvaluatedKey()).containsEntry("sk", s("k3"));
        ScanResponse scan = client.scan(r -> r.tableName(t));
        assertThat(scan.count()).isEqualTo(4);
    }

    @Test
    void keyConditionErrors() {
        String t = Fixtures.rangeTable(client);
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditionExpression("sk = :v")
                                                        .expressionAttributeValues(
                                                                item(":v", s("x")))))
                .hasMessageContaining("Query condition missed key schema element: pk");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditionExpression(
                                                                "pk = :v OR sk = :v")
                                                        .expressionAttributeValues(
                                                                item(":v", s("x")))))
                .hasMessageContaining("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditionExpression("pk = :v")
                                                        .expressionAttributeValues(
                                                                item(":v", n(1)))))
                .hasMessageContaining("Condition parameter type does not match schema type");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .keyConditionExpression("pk = :v")
                                                        .filterExpression("pk = :v")
                                                        .expressionAttributeValues(
                                                                item(":v", s("x")))))
                .hasMessageContaining(
                        "Filter Expression can only contain non-primary key attributes: Primary key attribute: pk");
        assertThatThrownBy(() -> client.query(r -> r.tableName(t)))
                .hasMessageContaining(
                        "Either the KeyConditions or KeyConditionExpression parameter must be specified");
    }

    private static String indexedTable() {
        String name = Fixtures.uniqueName("idx");
        KeySchemaElement pk =
                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build();
        client.createTable(
                r ->
                        r.tableName(name)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .keySchema(
                                        pk,
                                        KeySchemaElement.builder()
                                                .attributeName("sk")
                                                .keyType(KeyType.RANGE)
                                                .build())
                                .attributeDefinitions(
                                        AttributeDefinition.builder()
                                                .attributeName("pk")
                                                .attributeType(ScalarAttributeType.S)
                                                .build(),
                                        AttributeDefinition.builder()
                                                .attributeName("sk")
                                                .attributeType(ScalarAttributeType.S)
                                                .build(),
                                        AttributeDefinition.builder()
                                                .attributeName("status")
                                                .attributeType(ScalarAttributeType.S)
                                                .build(),
                                        AttributeDefinition.builder()
                                                .attributeName("created")
                                                .attributeType(ScalarAttributeType.N)
                                                .build())
                                .globalSecondaryIndexes(
                                        GlobalSecondaryIndex.builder()
                                                .indexName("keysOnly")
                                                .keySchema(
                                                        KeySchemaElement.builder()
                                                                .attributeName("status")
                                                                .keyType(KeyType.HASH)
                                                                .build(),
                                                        KeySchemaElement.builder()
                                                                .attributeName("created")
                                                                .keyType(KeyType.RANGE)
                                                                .build())
                                                .projection(
                                                        p ->
                                                                p.projectionType(
                                                                        ProjectionType.KEYS_ONLY))
                                                .build(),
                                        GlobalSecondaryIndex.builder()
                                                .indexName("include")
                                                .keySchema(
                                                        KeySchemaElement.builder()
                                                                .attributeName("status")
                                                                .keyType(KeyType.HASH)
                                                                .build())
                                                .projection(
                                                        p ->
                                                                p.projectionType(
                                                                                ProjectionType
                                                                                        .INCLUDE)
                                                                        .nonKeyAttributes("title"))
                                                .build(),
                                        GlobalSecondaryIndex.builder()
                                                .indexName("all")
                                                .keySchema(
                                                        KeySchemaElement.builder()
                                                                .attributeName("status")
                                                                .keyType(KeyType.HASH)
                                                                .build(),
                                                        KeySchemaElement.builder()
                                                                .attributeName("created")
                                                                .keyType(KeyType.RANGE)
                                                                .build())
                                                .projection(
                                                        p -> p.projectionType(ProjectionType.ALL))
                                                .build())
                                .localSecondaryIndexes(
                                        LocalSecondaryIndex.builder()
                                                .indexName("byCreated")
                                                .keySchema(
                                                        pk,
                                                        KeySchemaElement.builder()
                                                                .attributeName("created")
                                                                .keyType(KeyType.RANGE)
                                                                .build())
                                                .projection(
                                                        p ->
                                                                p.projectionType(
                                                                        ProjectionType.KEYS_ONLY))
                                                .build()));
        client.putItem(
                r ->
                        r.tableName(name)
                                .item(
                                        item(
                                                "pk", s("u1"), "sk", s("a"), "status", s("open"),
                                                "created", n(3), "title", s("t1"), "body",
                                                s("b1"))));
        client.putItem(
                r ->
                        r.tableName(name)
                                .item(
                                        item(
                                                "pk", s("u1"), "sk", s("b"), "status", s("open"),
                                                "created", n(1), "title", s("t2"), "body",
                                                s("b2"))));
        client.putItem(
                r ->
                        r.tableName(name)
                                .item(
                                        item(
                                                "pk", s("u2"), "sk", s("a"), "status", s("open"),
                                                "created", n(2), "title", s("t3"))));
        client.putItem(
                r ->
                        r.tableName(name)
                                .item(
                                        item(
                                                "pk",
                                                s("u2"),
                                                "sk",
                                                s("b"),
                                                "status",
                                                s("closed"),
                                                "created",
                                                n(9))));
        client.putItem(
                r ->
                        r.tableName(name)
                                .item(item("pk", s("u3"), "sk", s("a"), "title", s("no status"))));
        return name;
    }

    @Test
    void globalIndexProjectionsAndSparseness() {
        String t = indexedTable();
        var keysOnly =
                client.query(
                        r ->
                                r.tableName(t)
                                        .indexName("keysOnly")
                                        .keyConditionExpression("#s = :o")
                                        .expressionAttributeNames(Map.of("#s", "status"))
                                        .expressionAttributeValues(item(":o", s("open"))));
        assertThat(keysOnly.items().stream().map(i -> i.get("created").n()).toList())
                .containsExactly("1", "2", "3");
        assertThat(keysOnly.items().get(0)).containsOnlyKeys("pk", "sk", "status", "created");
        var include =
                client.query(
                        r ->
                                r.tableName(t)
                                        .indexName("include")
                                        .keyConditionExpression("#s = :o")
                                        .expressionAttributeNames(Map.of("#s", "status"))
                                        .expressionAttributeValues(item(":o", s("open"))));
        assertThat(include.items())
                .hasSize(3)
                .allSatisfy(i -> assertThat(i).containsOnlyKeys("pk", "sk", "status", "title"));
        var all =
                client.query(
                        r ->
                                r.tableName(t)
                                        .indexName("all")
                                        .keyConditionExpression("#s = :o")
                                        .expressionAttributeNames(Map.of("#s", "status"))
                                        .expressionAttributeValues(item(":o", s("open")))
                                        .limit(2));
        assertThat(all.items().get(0)).containsKey("body");
        assertThat(all.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "status", "created");
        var rest =
                client.query(
                        r ->
                                r.tableName(t)
                                        .indexName("all")
                                        .keyConditionExpression("#s = :o")
                                        .expressionAttributeNames(Map.of("#s", "status"))
                                        .expressionAttributeValues(item(":o", s("open")))
                                        .exclusiveStartKey(all.lastEvaluatedKey()));
        assertThat(rest.items())
                .singleElement()
                .satisfies(i -> assertThat(i.get("created")).isEqualTo(n(3)));
        var scan = client.scan(r -> r.tableName(t).indexName("keysOnly"));
        assertThat(scan.count()).isEqualTo(4);
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .indexName("keysOnly")
                                                        .consistentRead(true)
                                                        .keyConditionExpression("#s = :o")
                                                        .expressionAttributeNames(
                                                                Map.of("#s", "status"))
                                                        .expressionAttributeValues(
                                                                item(":o", s("open")))))
                .hasMessageContaining(
                        "Consistent reads are not supported on global secondary indexes");
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(t)
                                                        .indexName("keysOnly")
                                                        .select(Select.ALL_ATTRIBUTES)
                                                        .keyConditionExpression("#s = :o")
                                                        .expressionAttributeNames(
                                                                Map.of("#s", "status"))
                                                        .expressionAttributeValues(
                                                                item(":o", s("open")))))
                .hasMessageContaining("because its projection type is not ALL");
        // moving an item out of the index (sparse) and changing its key
        client.updateItem(
                r ->
                        r.tableName(t)
                                .key(item("pk", s("u1"), "sk", s("a")))
                                .updateExpression("REMOVE #s")
                                .expressionAttributeNames(Map.of("#s", "status")));
        client.updateItem(
                r ->
                        r.tableName(t)
                                .key(item("pk", s("u2"), "sk", s("b")))
                                .updateExpression("SET #s = :o")
                                .expressionAttributeNames(Map.of("#s", "status"))
                                .expressionAttributeValues(item(":o", s("open"))));
        var after =
                client.query(
                        r ->
                                r.tableName(t)
                                        .indexName("keysOnly")
                                        .keyConditionExpression("#s = :o")
                                        .expressionAttributeNames(Map.of("#s", "status"))
                                        .expressionAttributeValues(item(":o", s("open"))));
        assertThat(after.items().stream().map(i -> i.get("created").n()).toList())
                .containsExactly("1", "2", "9");
    }

    @Test
    void localIndexQueryAndProjectionExpression() {
        String t = indexedTable();
        var r1 =
                client.query(
                        r ->
                                r.tableName(t)
                                        .indexName("byCreated")
                                        .keyConditionExpression("pk = :u AND created > :c")
                                        .expressionAttributeValues(
                                                item(":u", s("u1"), ":c", n(0))));
        assertThat(r1.items().stream().map(i -> i.get("sk").s()).toList())
                .containsExactly("b", "a");
        assertThat(r1.items().get(0)).containsOnlyKeys("pk", "sk", "created");
        var r2 =
                client.query(
                        r ->
                                r.tableName(t)
                                        .indexName("byCreated")
                                        .keyConditionExpression("pk = :u")
                                        .select(Select.ALL_ATTRIBUTES)
                                        .expressionAttributeValues(item(":u", s("u1"))));
        assertThat(r2.items().get(0)).containsKey("body");
        var r3 =
                client.query(
                        r ->
                                r.tableName(t)
                                        .keyConditionExpression("pk = :u")
                                        .projectionExpression("title")
                                        .expressionAttributeValues(item(":u", s("u1"))));
        assertThat(r3.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("title"));
    }

    @Test
    void scanWithFilterAndParallelSegments() {
        String t = Fixtures.hashTable(client);
        for (int i = 0; i < 50; i++) {
            int v = i;
            client.putItem(r -> r.tableName(t).item(item("pk", s("k" + v), "v", n(v))));
        }
        var filtered =
                client.scan(
                        r ->
                                r.tableName(t)
                                        .filterExpression("v >= :x")
                                        .expressionAttributeValues(item(":x", n(40))));
        assertThat(filtered.count()).isEqualTo(10);
        assertThat(filtered.scannedCount()).isEqualTo(50);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int seg = 0; seg < 4; seg++) {
            int segment = seg;
            for (var page :
                    client.scanPaginator(
                            r -> r.tableName(t).segment(segment).totalSegments(4).limit(7))) {
                page.items().forEach(i -> seen.add(i.get("pk").s()));
                total += page.count();
            }
        }
        assertThat(total).isEqualTo(50);
        assertThat(seen).hasSize(50);
        List<String> paged = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(t).limit(9))
                .items()
                .forEach(i -> paged.add(i.get("pk").s()));
        assertThat(paged).hasSize(50).doesNotHaveDuplicates();
        assertThatThrownBy(() -> client.scan(r -> r.tableName(t).segment(4).totalSegments(4)))
                .hasMessageContaining(
                        "The Segment parameter is zero-based and must be less than parameter TotalSegments");
        assertThatThrownBy(() -> client.scan(r -> r.tableName(t).segment(1)))
                .hasMessageContaining("The TotalSegments parameter is required");
    }
}
