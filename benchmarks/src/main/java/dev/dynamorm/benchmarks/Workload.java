package dev.dynamorm.benchmarks;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The mixed workload on one table (pk S, sk N): put of a ~1 KB item, get of it, query of a
 * 20-item partition of ~1 KB items, and a conditional update of a counter item.
 */
final class Workload {
    static final String TABLE = "bench";
    static final String PAYLOAD = "x".repeat(940);
    private static final AttributeValue ONE = AttributeValue.createN("1");
    private static final AttributeValue ZERO = AttributeValue.createN("0");
    private static final AttributeValue QUERY_PK = AttributeValue.createS("q");

    private final DynamoDbClient client;
    private int next;

    Workload(DynamoDbClient client) {
        this.client = client;
    }

    void createAndSeed() {
        client.createTable(
                r ->
                        r.tableName(TABLE)
                                .attributeDefinitions(
                                        AttributeDefinition.builder()
                                                .attributeName("pk")
                                                .attributeType(ScalarAttributeType.S)
                                                .build(),
                                        AttributeDefinition.builder()
                                                .attributeName("sk")
                                                .attributeType(ScalarAttributeType.N)
                                                .build())
                                .keySchema(
                                        KeySchemaElement.builder()
                                                .attributeName("pk")
                                                .keyType(KeyType.HASH)
                                                .build(),
                                        KeySchemaElement.builder()
                                                .attributeName("sk")
                                                .keyType(KeyType.RANGE)
                                                .build())
                                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 0; i < 20; i++) {
            Map<String, AttributeValue> seeded = item("q", i);
            client.putItem(r -> r.tableName(TABLE).item(seeded));
        }
        for (int i = 0; i < 100; i++) {
            int n = i;
            client.putItem(
                    r ->
                            r.tableName(TABLE)
                                    .item(
                                            Map.of(
                                                    "pk",
                                                    AttributeValue.createS("c"),
                                                    "sk",
                                                    AttributeValue.createN(Integer.toString(n)),
                                                    "ver",
                                                    ZERO)));
        }
    }

    static Map<String, AttributeValue> item(String pk, int sk) {
        return Map.of(
                "pk",
                AttributeValue.createS(pk),
                "sk",
                AttributeValue.createN(Integer.toString(sk)),
                "payload",
                AttributeValue.createS(PAYLOAD),
                "kind",
                AttributeValue.createS("order"),
                "amount",
                AttributeValue.createN("1234.56"),
                "tags",
                AttributeValue.createSs(List.of("a", "b", "c")),
                "active",
                AttributeValue.createBool(true));
    }

    /** Runs the four operations once; returns a value so nothing is optimised away. */
    int mixed() {
        int i = next++;
        Map<String, AttributeValue> item = item("p" + (i % 1000), 0);
        client.putItem(r -> r.tableName(TABLE).item(item));
        Map<String, AttributeValue> key = Map.of("pk", item.get("pk"), "sk", item.get("sk"));
        int got =
                client.getItem(r -> r.tableName(TABLE).key(key).consistentRead(true)).item().size();
        QueryResponse q =
                client.query(
                        r ->
                                r.tableName(TABLE)
                                        .keyConditionExpression("pk = :pk")
                                        .expressionAttributeValues(Map.of(":pk", QUERY_PK)));
        if (q.count() != 20) {
            throw new IllegalStateException("query returned " + q.count() + " items");
        }
        Map<String, AttributeValue> counter =
                Map.of(
                        "pk",
                        AttributeValue.createS("c"),
                        "sk",
                        AttributeValue.createN(Integer.toString(i % 100)));
        client.updateItem(
                r ->
                        r.tableName(TABLE)
                                .key(counter)
                                .updateExpression("SET ver = ver + :one")
                                .conditionExpression("attribute_exists(pk) AND ver >= :zero")
                                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO)));
        return got + q.count();
    }
}
