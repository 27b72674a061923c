package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Raw tables for tests: keys, indexes, creation under the class's prefix, and the builder's checks.
 */
@DynamoBackend(Backend.DYNOXIDE)
final class TestTableTest {

    @Test
    void createTable_underThePrefix_withIndexes(BackendContext backend, DynamoDbClient client) {
        String name =
                backend.createTable(
                        TestTable.builder("events")
                                .partitionKey("pk")
                                .sortKey("at", ScalarAttributeType.N)
                                .globalIndex(
                                        "by-kind",
                                        "kind",
                                        ScalarAttributeType.S,
                                        "at",
                                        ScalarAttributeType.N)
                                .localIndex("by-size", "size", ScalarAttributeType.N)
                                .build());

        assertThat(name).isEqualTo(backend.tableName("events"));
        TableDescription table = client.describeTable(r -> r.tableName(name)).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema())
                .extracting(KeySchemaElement::attributeName)
                .containsExactly("pk", "at");
        assertThat(table.globalSecondaryIndexes())
                .singleElement()
                .satisfies(i -> assertThat(i.indexName()).isEqualTo("by-kind"));
        assertThat(table.localSecondaryIndexes())
                .singleElement()
                .satisfies(
                        i ->
                                assertThat(i.keySchema())
                                        .extracting(KeySchemaElement::attributeName)
                                        .containsExactly("pk", "size"));

        client.putItem(
                r ->
                        r.tableName(name)
                                .item(
                                        Map.of(
                                                "pk",
                                                AttributeValue.fromS("a"),
                                                "at",
                                                AttributeValue.fromN("1"),
                                                "kind",
                                                AttributeValue.fromS("login"))));
        assertThat(
                        client.query(
                                        r ->
                                                r.tableName(name)
                                                        .indexName("by-kind")
                                                        .keyConditionExpression("kind = :k")
                                                        .expressionAttributeValues(
                                                                Map.of(
                                                                        ":k",
                                                                        AttributeValue.fromS(
                                                                                "login"))))
                                .count())
                .isEqualTo(1);
    }

    @Test
    void createIn_usesTheNameAsGiven_andRefusesAnExistingTable(
            BackendContext backend, DynamoDbClient client) {
        TestTable table =
                TestTable.builder(backend.tableName("plain"))
                        .partitionKey("id", ScalarAttributeType.N)
                        .build();
        assertThat(table.createIn(client).tableName()).isEqualTo(backend.tableName("plain"));

        assertThatThrownBy(() -> table.createIn(client)).isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void builder_checksBeforeAnythingIsSent() {
        assertThatThrownBy(() -> TestTable.builder("has space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "table name may contain only letters, digits, '_', '-' and '.', got 'has space'");
        assertThatThrownBy(() -> TestTable.builder("t").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("table t needs a partition key: call partitionKey(...)");
        assertThatThrownBy(() -> TestTable.builder("t").partitionKey("a").partitionKey("b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("partition key of table t was already set to a");
        assertThatThrownBy(
                        () ->
                                TestTable.builder("t")
                                        .partitionKey("a")
                                        .globalIndex("g", "a", ScalarAttributeType.N))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key attribute a of table t is S and cannot also be N");
        assertThatThrownBy(
                        () ->
                                TestTable.builder("t")
                                        .partitionKey("a")
                                        .globalIndex("g", "b", ScalarAttributeType.S)
                                        .localIndex("g", "c", ScalarAttributeType.S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table t already has an index named g");
        assertThatThrownBy(
                        () ->
                                TestTable.builder("t")
                                        .partitionKey("a")
                                        .localIndex("l", "c", ScalarAttributeType.S)
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "table t has local indexes but no sort key: DynamoDB allows local indexes only on tables"
                                + " with a sort key");
        assertThat(TestTable.builder("t").partitionKey("a").build().name()).isEqualTo("t");
    }
}
