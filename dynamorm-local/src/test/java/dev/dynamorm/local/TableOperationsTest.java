package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableOperationsTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.builder().region("eu-west-1").accountId("123456789012").start();
        client = db.client();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static KeySchemaElement hash(String n) {
        return KeySchemaElement.builder().attributeName(n).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String n) {
        return KeySchemaElement.builder().attributeName(n).keyType(KeyType.RANGE).build();
    }

    private static AttributeDefinition def(String n, ScalarAttributeType t) {
        return AttributeDefinition.builder().attributeName(n).attributeType(t).build();
    }

    private static CreateTableRequest fullTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .keySchema(hash("pk"), range("sk"))
                .attributeDefinitions(
                        def("pk", ScalarAttributeType.S),
                        def("sk", ScalarAttributeType.N),
                        def("gpk", ScalarAttributeType.S),
                        def("lsk", ScalarAttributeType.S))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName("byG")
                                .keySchema(hash("gpk"))
                                .projection(
                                        Projection.builder()
                                                .projectionType(ProjectionType.INCLUDE)
                                                .nonKeyAttributes("a", "b")
                                                .build())
                                .provisionedThroughput(
                                        p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                                .build())
                .localSecondaryIndexes(
                        LocalSecondaryIndex.builder()
                                .indexName("byL")
                                .keySchema(hash("pk"), range("lsk"))
                                .projection(
                                        Projection.builder()
                                                .projectionType(ProjectionType.KEYS_ONLY)
                                                .build())
                                .build())
                .build();
    }

    @Test
    void createAndDescribeTable() {
        String name = Fixtures.uniqueName("full");
        TableDescription created = client.createTable(fullTable(name)).tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(client.describeTable(r -> r.tableName(name)).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);
        client.putItem(
                r ->
                        r.tableName(name)
                                .item(item("pk", s("p"), "sk", Fixtures.n(1), "gpk", s("g"))));
        TableDescription d = client.describeTable(r -> r.tableName(name)).table();
        assertThat(d.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/" + name);
        assertThat(d.itemCount()).isEqualTo(1);
        assertThat(d.tableSizeBytes()).isPositive();
        assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(d.keySchema()).containsExactly(hash("pk"), range("sk"));
        assertThat(d.creationDateTime()).isNotNull();
        assertThat(d.globalSecondaryIndexes())
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.indexName()).isEqualTo("byG");
                            assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
                            assertThat(g.indexArn()).isEqualTo(d.tableArn() + "/index/byG");
                            assertThat(g.projection().projectionType())
                                    .isEqualTo(ProjectionType.INCLUDE);
                            assertThat(g.projection().nonKeyAttributes()).containsExactly("a", "b");
                            assertThat(g.itemCount()).isEqualTo(1);
                        });
        assertThat(d.localSecondaryIndexes())
                .singleElement()
                .satisfies(
                        l -> {
                            assertThat(l.keySchema()).containsExactly(hash("pk"), range("lsk"));
                            assertThat(l.projection().projectionType())
                                    .isEqualTo(ProjectionType.KEYS_ONLY);
                            assertThat(l.itemCount()).isZero();
                        });
    }

    @Test
    void createTableErrors() {
        String name = Fixtures.hashTable(client);
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        r ->
                                                r.tableName(name)
                                                        .keySchema(hash("pk"))
                                                        .attributeDefinitions(
                                                                def("pk", ScalarAttributeType.S))
                                                        .billingMode(BillingMode.PAY_PER_REQUEST)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("Table already exists: " + name);
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        r ->
                                                r.tableName("x1-" + name)
                                                        .keySchema(hash("pk"))
                                                        .attributeDefinitions(
                                                                def("pk", ScalarAttributeType.S),
                                                                def("other", ScalarAttributeType.S))
                                                        .billingMode(BillingMode.PAY_PER_REQUEST)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        r ->
                                                r.tableName("x2-" + name)
                                                        .keySchema(hash("pk"))
                                                        .attributeDefinitions(
                                                                def("pk", ScalarAttributeType.S))))
                .hasMessageContaining(
                        "ReadCapacityUnits and WriteCapacityUnits must both be specified");
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        r ->
                                                r.tableName("x3-" + name)
                                                        .keySchema(hash("pk"))
                                                        .attributeDefinitions(
                                                                def("pk", ScalarAttributeType.S))
                                                        .billingMode(BillingMode.PAY_PER_REQUEST)
                                                        .localSecondaryIndexes(
                                                                LocalSecondaryIndex.builder()
                                                                        .indexName("l")
                                                                        .keySchema(
                                                                                hash("pk"),
                                                                                range("x"))
                                                                        .projection(
                                                                                p ->
                                                                                        p
                                                                                                .projectionType(
                                                                                                        ProjectionType
                                                                                                                .ALL))
                                                                        .build())))
                .hasMessageContaining("Table KeySchema does not have a range key");
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        r ->
                                                r.tableName("ab")
                                                        .keySchema(hash("pk"))
                                                        .attributeDefinitions(
                                                                def("pk", ScalarAttributeType.S))
                                                        .billingMode(BillingMode.PAY_PER_REQUEST)))
                .hasMessageContaining("Member must have length greater than or equal to 3");
    }

    @Test
    void describeAndDeleteMissingTable() {
        assertThatThrownBy(() -> client.describeTable(r -> r.tableName("missing-table")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found");
        assertThatThrownBy(
                        () ->
                                client.getItem(
                                        r -> r.tableName("missing-table").key(item("pk", s("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
        String name = Fixtures.hashTable(client);
        assertThat(client.deleteTable(r -> r.tableName(name)).tableDescription().tableName())
                .isEqualTo(name);
        assertThatThrownBy(() -> client.deleteTable(r -> r.tableName(name)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listTablesPaginates() {
        try (LocalDynamoDb fresh = LocalDynamoDb.start()) {
            DynamoDbClient c = fresh.client();
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                created.add(Fixtures.hashTable(c));
            }
            List<String> seen = new ArrayList<>();
            String start = null;
            do {
                String from = start;
                ListTablesResponse page =
                        c.listTables(r -> r.limit(2).exclusiveStartTableName(from));
                assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
                seen.addAll(page.tableNames());
                start = page.lastEvaluatedTableName();
            } while (start != null);
            assertThat(seen).containsExactlyElementsOf(created.stream().sorted().toList());
            assertThat(c.listTablesPaginator().tableNames()).hasSize(5);
        }
    }

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void updateTableAddsAndRemovesGsi() {
        String name = Fixtures.hashTable(client);
        client.putItem(r -> r.tableName(name).item(item("pk", s("1"), "g", s("x"))));
        client.putItem(r -> r.tableName(name).item(item("pk", s("2"))));
        client.updateTable(
                r ->
                        r.tableName(name)
                                .attributeDefinitions(def("g", ScalarAttributeType.S))
                                .globalSecondaryIndexUpdates(
                                        u ->
                                                u.create(
                                                        c ->
                                                                c.indexName("byG")
                                                                        .keySchema(hash("g"))
                                                                        .projection(
                                                                                p ->
                                                                                        p
                                                                                                .projectionType(
                                                                                                        ProjectionType
                                                                                                                .ALL)))));
        var d = client.describeTable(r -> r.tableName(name)).table();
        assertThat(d.globalSecondaryIndexes())
                .singleElement()
                .satisfies(g -> assertThat(g.itemCount()).isEqualTo(1));
        var q =
                client.query(
                        r ->
                                r.tableName(name)
                                        .indexName("byG")
                                        .keyConditionExpression("g = :g")
                                        .expressionAttributeValues(item(":g", s("x"))));
        assertThat(q.items()).hasSize(1);
        client.updateTable(
                r ->
                        r.tableName(name)
                                .billingMode(BillingMode.PROVISIONED)
                                .provisionedThroughput(
                                        p -> p.readCapacityUnits(3L).writeCapacityUnits(3L)));
        assertThat(
                        client.describeTable(r -> r.tableName(name))
                                .table()
                                .billingModeSummary()
                                .billingMode())
                .isEqualTo(BillingMode.PROVISIONED);
        client.updateTable(
                r ->
                        r.tableName(name)
                                .globalSecondaryIndexUpdates(
                                        u -> u.delete(x -> x.indexName("byG"))));
        assertThat(client.describeTable(r -> r.tableName(name)).table().globalSecondaryIndexes())
                .isEmpty();
        assertThatThrownBy(
                        () ->
                                client.query(
                                        r ->
                                                r.tableName(name)
                                                        .indexName("byG")
                                                        .keyConditionExpression("g = :g")
                                                        .expressionAttributeValues(
                                                                item(":g", s("x")))))
                .hasMessageContaining("The table does not have the specified index: byG");
    }

    @Test
    void timeToLiveSettings() {
        String name = Fixtures.hashTable(client);
        assertThat(
                        client.describeTimeToLive(r -> r.tableName(name))
                                .timeToLiveDescription()
                                .timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        client.updateTimeToLive(
                r ->
                        r.tableName(name)
                                .timeToLiveSpecification(
                                        s -> s.attributeName("exp").enabled(true)));
        var d = client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
        assertThat(d.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(d.attributeName()).isEqualTo("exp");
        assertThatThrownBy(
                        () ->
                                client.updateTimeToLive(
                                        r ->
                                                r.tableName(name)
                                                        .timeToLiveSpecification(
                                                                s ->
                                                                        s.attributeName("exp")
                                                                                .enabled(true))))
                .hasMessageContaining("TimeToLive is already enabled");
    }

    @Test
    void tags() {
        String name = Fixtures.hashTable(client);
        String arn = client.describeTable(r -> r.tableName(name)).table().tableArn();
        client.tagResource(
                r ->
                        r.resourceArn(arn)
                                .tags(
                                        Tag.builder().key("team").value("a").build(),
                                        Tag.builder().key("env").value("test").build()));
        client.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(client.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("env").value("test").build());
    }
}
