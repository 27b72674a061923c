package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ConsumedCapacity in DynamoDB's shapes: CapacityUnits only outside transactions, per-index units
 * only for indexes the item is in, Read/WriteCapacityUnits in transactions.
 */
class ConsumedCapacityTest {
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

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    /** pk (S) + sk (N), GSI "gix" on g, LSI "lix" on pk + l, both projecting ALL. */
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    private static String indexedTable() {
        String name = Fixtures.uniqueName("cap");
        client.createTable(
                r ->
                        r.tableName(name)
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                                .attributeDefinitions(
                                        attr("pk", ScalarAttributeType.S),
                                        attr("sk", ScalarAttributeType.N),
                                        attr("g", ScalarAttributeType.S),
                                        attr("l", ScalarAttributeType.S))
                                .globalSecondaryIndexes(
                                        g ->
                                                g.indexName("gix")
                                                        .keySchema(key("g", KeyType.HASH))
                                                        .projection(
                                                                p ->
                                                                        p.projectionType(
                                                                                ProjectionType
                                                                                        .ALL)))
                                .localSecondaryIndexes(
                                        l ->
                                                l.indexName("lix")
                                                        .keySchema(
                                                                key("pk", KeyType.HASH),
                                                                key("l", KeyType.RANGE))
                                                        .projection(
                                                                p ->
                                                                        p.projectionType(
                                                                                ProjectionType
                                                                                        .ALL))));
        return name;
    }

    private static Capacity units(double v) {
        return Capacity.builder().capacityUnits(v).build();
    }

    @Test
    void writes_chargeOnlyTheIndexesTheItemIsIn_withCapacityUnitsOnly() {
        String t = indexedTable();
        ConsumedCapacity both =
                client.putItem(
                                r ->
                                        r.tableName(t)
                                                .item(
                                                        item(
                                                                "pk", s("a"), "sk", n(1), "g",
                                                                s("x"), "l", s("y")))
                                                .returnConsumedCapacity(
                                                        ReturnConsumedCapacity.INDEXES))
                        .consumedCapacity();
        assertThat(both)
                .isEqualTo(
                        ConsumedCapacity.builder()
                                .tableName(t)
                                .capacityUnits(3.0)
                                .table(units(1.0))
                                .globalSecondaryIndexes(Map.of("gix", units(1.0)))
                                .localSecondaryIndexes(Map.of("lix", units(1.0)))
                                .build());

        ConsumedCapacity none =
                client.putItem(
                                r ->
                                        r.tableName(t)
                                                .item(item("pk", s("a"), "sk", n(2)))
                                                .returnConsumedCapacity(
                                                        ReturnConsumedCapacity.INDEXES))
                        .consumedCapacity();
        assertThat(none)
                .isEqualTo(
                        ConsumedCapacity.builder()
                                .tableName(t)
                                .capacityUnits(1.0)
                                .table(units(1.0))
                                .build());

        ConsumedCapacity moved =
                client.updateItem(
                                r ->
                                        r.tableName(t)
                                                .key(item("pk", s("a"), "sk", n(1)))
                                                .updateExpression("SET g = :g")
                                                .expressionAttributeValues(item(":g", s("z")))
                                                .returnConsumedCapacity(
                                                        ReturnConsumedCapacity.INDEXES))
                        .consumedCapacity();
        assertThat(moved.capacityUnits()).isEqualTo(4.0);
        assertThat(moved.globalSecondaryIndexes()).isEqualTo(Map.of("gix", units(2.0)));
        assertThat(moved.localSecondaryIndexes()).isEqualTo(Map.of("lix", units(1.0)));

        ConsumedCapacity total =
                client.batchWriteItem(
                                r ->
                                        r.requestItems(
                                                        Map.of(
                                                                t,
                                                                java.util.List.of(
                                                                        WriteRequest.builder()
                                                                                .putRequest(
                                                                                        PutRequest
                                                                                                .builder()
                                                                                                .item(
                                                                                                        item(
                                                                                                                "pk",
                                                                                                                s(
                                                                                                                        "b"),
                                                                                                                "sk",
                                                                                                                n(
                                                                                                                        1),
                                                                                                                "g",
                                                                                                                s(
                                                                                                                        "x")))
                                                                                                .build())
                                                                                .build())))
                                                .returnConsumedCapacity(
                                                        ReturnConsumedCapacity.TOTAL))
                        .consumedCapacity()
                        .get(0);
        assertThat(total)
                .isEqualTo(ConsumedCapacity.builder().tableName(t).capacityUnits(2.0).build());
    }

    @Test
    void indexReads_chargeTheIndexNotTheTable() {
        String t = indexedTable();
        client.putItem(
                r -> r.tableName(t).item(item("pk", s("a"), "sk", n(1), "g", s("x"), "l", s("y"))));
        ConsumedCapacity gsi =
                client.query(
                                r ->
                                        r.tableName(t)
                                                .indexName("gix")
                                                .keyConditionExpression("g = :g")
                                                .expressionAttributeValues(item(":g", s("x")))
                                                .returnConsumedCapacity(
                                                        ReturnConsumedCapacity.INDEXES))
                        .consumedCapacity();
        assertThat(gsi)
                .isEqualTo(
                        ConsumedCapacity.builder()
                                .tableName(t)
                                .capacityUnits(0.5)
                                .table(units(0.0))
                                .globalSecondaryIndexes(Map.of("gix", units(0.5)))
                                .build());
        ConsumedCapacity get =
                client.getItem(
                                r ->
                                        r.tableName(t)
                                                .key(item("pk", s("a"), "sk", n(1)))
                                                .returnConsumedCapacity(
                                                        ReturnConsumedCapacity.TOTAL))
                        .consumedCapacity();
        assertThat(get)
                .isEqualTo(ConsumedCapacity.builder().tableName(t).capacityUnits(0.5).build());
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void transactions_reportReadOrWriteCapacityUnitsToo() {
        String t = indexedTable();
        ConsumedCapacity write =
                client.transactWriteItems(
                                r ->
                                        r.transactItems(
                                                        TransactWriteItem.builder()
                                                                .put(
                                                                        p ->
                                                                                p.tableName(t)
                                                                                        .item(
                                                                                                item(
                                                                                                        "pk",
                                                                                                        s(
                                                                                                                "a"),
                                                                                                        "sk",
                                                                                                        n(
                                                                                                                1))))
                                                                .build())
                                                .returnConsumedCapacity(
                                                        ReturnConsumedCapacity.TOTAL))
                        .consumedCapacity()
                        .get(0);
        assertThat(write)
                .isEqualTo(
                        ConsumedCapacity.builder()
                                .tableName(t)
                                .capacityUnits(2.0)
                                .writeCapacityUnits(2.0)
                                .build());
        ConsumedCapacity read =
                client.transactGetItems(
                                r ->
                                        r.transactItems(
                                                        g ->
                                                                g.get(
                                                                        x ->
                                                                                x.tableName(t)
                                                                                        .key(
                                                                                                item(
                                                                                                        "pk",
                                                                                                        s(
                                                                                                                "a"),
                                                                                                        "sk",
                                                                                                        n(
                                                                                                                1)))))
                                                .returnConsumedCapacity(
                                                        ReturnConsumedCapacity.INDEXES))
                        .consumedCapacity()
                        .get(0);
        assertThat(read)
                .isEqualTo(
                        ConsumedCapacity.builder()
                                .tableName(t)
                                .capacityUnits(2.0)
                                .readCapacityUnits(2.0)
                                .table(
                                        Capacity.builder()
                                                .capacityUnits(2.0)
                                                .readCapacityUnits(2.0)
                                                .build())
                                .build());
    }

    @Test
    void itemCollectionMetrics_onlyForTablesWithLocalIndexes() {
        String t = indexedTable();
        var put =
                client.putItem(
                        r ->
                                r.tableName(t)
                                        .item(item("pk", s("a"), "sk", n(1), "l", s("y")))
                                        .returnItemCollectionMetrics(
                                                ReturnItemCollectionMetrics.SIZE));
        assertThat(put.itemCollectionMetrics())
                .isEqualTo(
                        ItemCollectionMetrics.builder()
                                .itemCollectionKey(item("pk", s("a")))
                                .sizeEstimateRangeGB(0.0, 1.0)
                                .build());
        String plain = Fixtures.hashTable(client);
        var none =
                client.putItem(
                        r ->
                                r.tableName(plain)
                                        .item(item("pk", s("a")))
                                        .returnItemCollectionMetrics(
                                                ReturnItemCollectionMetrics.SIZE));
        assertThat(none.itemCollectionMetrics()).isNull();
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        r ->
                                                r.tableName(plain)
                                                        .item(item("pk", s("a")))
                                                        .returnItemCollectionMetrics("BAD")))
                .hasMessageStartingWith(
                        "1 validation error detected: Value 'BAD' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]");
    }
}
