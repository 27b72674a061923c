package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Multi-attribute GSI keys (DynamoDB, November 2025): up to four partition and four sort attributes
 * per index key schema, CreateTable/UpdateTable validation with DynamoDB's wording, and Query with
 * equality on every partition attribute and left-to-right sort conditions (issue 17.4).
 */
final class MultiAttributeKeysTest {
    private static final String INDEX = "by-region";
    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        table = Fixtures.uniqueName("matches");
        client.createTable(
                create(
                        table,
                        "tournament:S:HASH region:S:HASH round:S:RANGE bracket:S:RANGE seq:N:RANGE"));
        put("m1", "W24", "EU", "FINAL", "UPPER", 1);
        put("m2", "W24", "EU", "SEMI", "LOWER", 2);
        put("m3", "W24", "EU", "SEMI", "UPPER", 10);
        put("m4", "W24", "EU", "SEMI", "UPPER", 9);
        put("m5", "W24", "US", "SEMI", "UPPER", 1);
        put("m6", "S25", "EU", "SEMI", "UPPER", 1);
        // no bracket: not in the index (sparse, like a single-attribute key)
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        item(
                                                "id",
                                                s("m7"),
                                                "tournament",
                                                s("W24"),
                                                "region",
                                                s("EU"),
                                                "round",
                                                s("SEMI"),
                                                "seq",
                                                n(3))));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static void put(String id, String t, String region, String round, String br, int seq) {
        client.putItem(
                r ->
                        r.tableName(table)
                                .item(
                                        item(
                                                "id",
                                                s(id),
                                                "tournament",
                                                s(t),
                                                "region",
                                                s(region),
                                                "round",
                                                s(round),
                                                "bracket",
                                                s(br),
                                                "seq",
                                                n(seq))));
    }

    /** A table keyed by "id" (S) with one GSI "by-region" whose key schema is {@code spec}. */
    static CreateTableRequest create(String name, String spec) {
        List<KeySchemaElement> keys = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        types.put("id", "S");
        for (String element : spec.split(" ")) {
            String[] p = element.split(":");
            types.put(p[0], p[1]);
            keys.add(KeySchemaElement.builder().attributeName(p[0]).keyType(p[2]).build());
        }
        List<AttributeDefinition> defs = new ArrayList<>();
        types.forEach(
                (n, t) ->
                        defs.add(
                                AttributeDefinition.builder()
                                        .attributeName(n)
                                        .attributeType(t)
                                        .build()));
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(defs)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName(INDEX)
                                .keySchema(keys)
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .build())
                .build();
    }

    private static QueryResponse query(String condition, Object... values) {
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            Object x = values[i + 1];
            v.put((String) values[i], x instanceof Integer k ? n(k) : s((String) x));
        }
        return client.query(
                r ->
                        r.tableName(table)
                                .indexName(INDEX)
                                .keyConditionExpression(condition)
                                .expressionAttributeNames(Map.of("#r", "region"))
                                .expressionAttributeValues(v));
    }

    private static List<String> ids(String condition, Object... values) {
        return Fixtures.strings(query(condition, values).items(), "id");
    }

    private static final String PARTITION = "tournament = :t AND #r = :r";

    @Test
    void describeTableListsEveryKeyAttributeInOrder() {
        var gsi = client.describeTable(r -> r.tableName(table)).table().globalSecondaryIndexes();
        assertThat(gsi.get(0).keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly(
                        "tournament:HASH",
                        "region:HASH",
                        "round:RANGE",
                        "bracket:RANGE",
                        "seq:RANGE");
        assertThat(gsi.get(0).itemCount()).isEqualTo(6);
    }

    @Test
    void allPartitionAttributesSelectOnePartitionSortedAttributeByAttribute() {
        // round, then bracket, then seq numerically (9 before 10)
        assertThat(ids(PARTITION, ":t", "W24", ":r", "EU")).containsExactly("m1", "m2", "m4", "m3");
        assertThat(ids(PARTITION, ":t", "W24", ":r", "US")).containsExactly("m5");
        assertThat(ids(PARTITION, ":t", "X", ":r", "EU")).isEmpty();
    }

    @Test
    void sortConditionsFromLeftToRight() {
        assertThat(ids(PARTITION + " AND round = :a", ":t", "W24", ":r", "EU", ":a", "SEMI"))
                .containsExactly("m2", "m4", "m3");
        assertThat(
                        ids(
                                PARTITION + " AND round = :a AND bracket = :b",
                                ":t",
                                "W24",
                                ":r",
                                "EU",
                                ":a",
                                "SEMI",
                                ":b",
                                "UPPER"))
                .containsExactly("m4", "m3");
        assertThat(
                        ids(
                                PARTITION + " AND round = :a AND bracket = :b AND seq > :s",
                                ":t",
                                "W24",
                                ":r",
                                "EU",
                                ":a",
                                "SEMI",
                                ":b",
                                "UPPER",
                                ":s",
                                9))
                .containsExactly("m3");
        assertThat(
                        ids(
                                PARTITION + " AND round = :a AND begins_with(bracket, :b)",
                                ":t",
                                "W24",
                                ":r",
                                "EU",
                                ":a",
                                "SEMI",
                                ":b",
                                "LO"))
                .containsExactly("m2");
        assertThat(
                        ids(
                                PARTITION + " AND round BETWEEN :a AND :b",
                                ":t",
                                "W24",
                                ":r",
                                "EU",
                                ":a",
                                "A",
                                ":b",
                                "G"))
                .containsExactly("m1");
        assertThat(ids(PARTITION + " AND round < :a", ":t", "W24", ":r", "EU", ":a", "SEMI"))
                .containsExactly("m1");
    }

    @Test
    void descendingOrderAndPagination() {
        Map<String, AttributeValue> v = Map.of(":t", s("W24"), ":r", s("EU"));
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page =
                    client.query(
                            r ->
                                    r.tableName(table)
                                            .indexName(INDEX)
                                            .keyConditionExpression(PARTITION)
                                            .expressionAttributeNames(Map.of("#r", "region"))
                                            .expressionAttributeValues(v)
                                            .scanIndexForward(false)
                                            .limit(3)
                                            .exclusiveStartKey(from));
            seen.addAll(Fixtures.strings(page.items(), "id"));
            start = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
            pages++;
        } while (start != null);
        assertThat(seen).containsExactly("m3", "m4", "m2", "m1");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void queryRulesUseDynamoDbsWording() {
        assertThatThrownBy(() -> query("tournament = :t", ":t", "W24"))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Query condition missed key schema element: region");
        assertThatThrownBy(() -> query("tournament = :t AND #r > :r", ":t", "W24", ":r", "EU"))
                .hasMessageStartingWith("Query key condition not supported");
        // skipping round
        assertThatThrownBy(
                        () ->
                                query(
                                        PARTITION + " AND bracket = :b",
                                        ":t",
                                        "W24",
                                        ":r",
                                        "EU",
                                        ":b",
                                        "UPPER"))
                .hasMessageStartingWith("Query key condition not supported");
        // a condition after an inequality
        assertThatThrownBy(
                        () ->
                                query(
                                        PARTITION + " AND round > :a AND bracket = :b",
                                        ":t",
                                        "W24",
                                        ":r",
                                        "EU",
                                        ":a",
                                        "A",
                                        ":b",
                                        "UPPER"))
                .hasMessageStartingWith("Query key condition not supported");
        assertThatThrownBy(
                        () ->
                                query(
                                        PARTITION + " AND round = :a AND seq = :s",
                                        ":t",
                                        "W24",
                                        ":r",
                                        "EU",
                                        ":a",
                                        "SEMI",
                                        ":s",
                                        1))
                .hasMessageStartingWith("Query key condition not supported");
        assertThatThrownBy(() -> query(PARTITION, ":t", "W24", ":r", 7))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertThatThrownBy(
                        () ->
                                query(
                                        PARTITION + " AND colour = :o",
                                        ":t",
                                        "W24",
                                        ":r",
                                        "EU",
                                        ":o",
                                        "x"))
                .hasMessageStartingWith("Query condition missed key schema element: round");
    }

    @Test
    void writesCheckTheTypeOfEveryKeyAttribute() {
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(table)
                                                        .item(
                                                                item(
                                                                        "id", s("bad"), "seq",
                                                                        s("one")))))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: Type mismatch for Index Key seq Expected: N Actual: S IndexName: by-region");
    }

    @Test
    void createTableValidatesMultiAttributeKeySchemas() {
        String name = Fixtures.uniqueName("bad");
        assertThatThrownBy(() -> client.createTable(create(name, "a:S:HASH b:S:RANGE c:S:HASH")))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema");
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        create(
                                                name,
                                                "a:S:HASH b:S:HASH c:S:HASH d:S:HASH e:S:HASH")))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH key attributes");
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        create(
                                                name,
                                                "a:S:HASH b:S:RANGE c:S:RANGE d:S:RANGE e:S:RANGE f:S:RANGE")))
                .hasMessageStartingWith(
                        "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of RANGE key attributes");
        assertThatThrownBy(() -> client.createTable(create(name, "b:S:RANGE a:S:HASH")))
                .hasMessageStartingWith(
                        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        CreateTableRequest duplicate = create(name, "a:S:HASH b:S:RANGE");
        GlobalSecondaryIndex gsi = duplicate.globalSecondaryIndexes().get(0);
        List<KeySchemaElement> keys = new ArrayList<>(gsi.keySchema());
        keys.add(KeySchemaElement.builder().attributeName("a").keyType(KeyType.RANGE).build());
        CreateTableRequest twice =
                duplicate.toBuilder()
                        .globalSecondaryIndexes(gsi.toBuilder().keySchema(keys).build())
                        .build();
        assertThatThrownBy(() -> client.createTable(twice))
                .hasMessageStartingWith(
                        "The KeySchema contains multiple key attributes with the same name");
        assertThat(client.listTables().tableNames()).doesNotContain(name);
    }

    @Test
    void baseTableAndLocalIndexesKeepSingleAttributeKeys() {
        String name = Fixtures.uniqueName("bad");
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        r ->
                                                r.tableName(name)
                                                        .billingMode(BillingMode.PAY_PER_REQUEST)
                                                        .attributeDefinitions(
                                                                def("a"), def("b"), def("c"))
                                                        .keySchema(
                                                                key("a", KeyType.HASH),
                                                                key("b", KeyType.HASH),
                                                                key("c", KeyType.RANGE))))
                .hasMessageContaining(
                        "at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        r ->
                                                r.tableName(name)
                                                        .billingMode(BillingMode.PAY_PER_REQUEST)
                                                        .attributeDefinitions(
                                                                def("a"), def("b"), def("c"))
                                                        .keySchema(
                                                                key("a", KeyType.HASH),
                                                                key("b", KeyType.RANGE))
                                                        .localSecondaryIndexes(
                                                                LocalSecondaryIndex.builder()
                                                                        .indexName("lsi")
                                                                        .keySchema(
                                                                                key(
                                                                                        "a",
                                                                                        KeyType
                                                                                                .HASH),
                                                                                key(
                                                                                        "b",
                                                                                        KeyType
                                                                                                .RANGE),
                                                                                key(
                                                                                        "c",
                                                                                        KeyType
                                                                                                .RANGE))
                                                                        .projection(
                                                                                Projection.builder()
                                                                                        .projectionType(
                                                                                                ProjectionType
                                                                                                        .ALL)
                                                                                        .build())
                                                                        .build())))
                .hasMessageContaining("Member must have length less than or equal to 2");
    }

    private static AttributeDefinition def(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Test
    // the SDK builders' generic varargs (Consumer<GlobalSecondaryIndexUpdate.Builder>...)
    @SuppressWarnings("unchecked")
    void updateTableAddsAMultiAttributeIndexOverExistingItems() {
        String name = Fixtures.uniqueName("later");
        client.createTable(
                r ->
                        r.tableName(name)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .attributeDefinitions(def("id"))
                                .keySchema(key("id", KeyType.HASH)));
        client.putItem(r -> r.tableName(name).item(item("id", s("1"), "a", s("x"), "b", s("y"))));
        client.putItem(r -> r.tableName(name).item(item("id", s("2"), "a", s("x"), "b", s("z"))));
        client.updateTable(
                r ->
                        r.tableName(name)
                                .attributeDefinitions(def("a"), def("b"))
                                .globalSecondaryIndexUpdates(
                                        u ->
                                                u.create(
                                                        c ->
                                                                c.indexName("a-b")
                                                                        .keySchema(
                                                                                key(
                                                                                        "a",
                                                                                        KeyType
                                                                                                .HASH),
                                                                                key(
                                                                                        "b",
                                                                                        KeyType
                                                                                                .HASH))
                                                                        .projection(
                                                                                p ->
                                                                                        p
                                                                                                .projectionType(
                                                                                                        ProjectionType
                                                                                                                .KEYS_ONLY)))));
        var items =
                client.query(
                                r ->
                                        r.tableName(name)
                                                .indexName("a-b")
                                                .keyConditionExpression("a = :a AND b = :b")
                                                .expressionAttributeValues(
                                                        Map.of(":a", s("x"), ":b", s("z"))))
                        .items();
        assertThat(items).containsExactly(item("id", s("2"), "a", s("x"), "b", s("z")));
    }

    @Test
    void partiQlReadsAMultiAttributeIndex() {
        var items =
                client.executeStatement(
                                r ->
                                        r.statement(
                                                "SELECT id FROM \""
                                                        + table
                                                        + "\".\""
                                                        + INDEX
                                                        + "\" WHERE tournament = 'W24' AND region = 'US'"))
                        .items();
        assertThat(Fixtures.strings(items, "id")).containsExactly("m5");
    }

    @Test
    void theKeySchemaSurvivesARestart(@TempDir Path dir) {
        String name = Fixtures.uniqueName("kept");
        try (LocalDynamoDb first = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            first.client().createTable(create(name, "a:S:HASH b:N:HASH c:S:RANGE d:N:RANGE"));
            first.client()
                    .putItem(
                            r ->
                                    r.tableName(name)
                                            .item(
                                                    item(
                                                            "id", s("1"), "a", s("x"), "b", n(2),
                                                            "c", s("k"), "d", n(5))));
        }
        try (LocalDynamoDb again = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            var items =
                    again.client()
                            .query(
                                    r ->
                                            r.tableName(name)
                                                    .indexName(INDEX)
                                                    .keyConditionExpression(
                                                            "a = :a AND b = :b AND c = :c AND d >= :d")
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":a", s("x"), ":b", n("2.0"),
                                                                    ":c", s("k"), ":d", n(5))))
                            .items();
            assertThat(Fixtures.strings(items, "id")).containsExactly("1");
            assertThat(
                            again.client()
                                    .describeTable(r -> r.tableName(name))
                                    .table()
                                    .globalSecondaryIndexes()
                                    .get(0)
                                    .keySchema())
                    .hasSize(4);
        }
    }
}
