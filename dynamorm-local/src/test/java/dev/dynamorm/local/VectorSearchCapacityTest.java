package dev.dynamorm.local;

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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsResponse;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;

/**
 * {@code ReturnConsumedCapacity} on SearchVectors: DynamoDB answers a {@code VectorCapacity} with
 * {@code VectorSearchRequestBytes}; dynamorm-local counts 4 bytes per dimension of every vector in
 * the index plus the size of the items it returns.
 */
// the SDK builders' generic varargs (Consumer<Builder>...) in table set-up
@SuppressWarnings("unchecked")
class VectorSearchCapacityTest {
    private static final String TABLE = "vector_capacity";
    private static final int COUNT = 50;
    private static final int DIMENSIONS = 4;

    private static LocalDynamoDb db;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
        client.createTable(
                b ->
                        b.tableName(TABLE)
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                                .attributeDefinitions(
                                        a -> a.attributeName("id").attributeType("S"),
                                        a -> a.attributeName("category").attributeType("S"))
                                .vectorIndexes(
                                        v ->
                                                v.indexName("by-vec")
                                                        .vectorAttribute(
                                                                a -> a.attributeName("vec"))
                                                        .dimensions((long) DIMENSIONS)
                                                        .distanceFunction(
                                                                VectorDistanceFunction.EUCLIDEAN)
                                                        .searchSchema(
                                                                s ->
                                                                        s.attributeName("category")
                                                                                .searchSchemaElementType(
                                                                                        SearchSchemaElementType
                                                                                                .INLINE_FILTER))
                                                        .projection(
                                                                p ->
                                                                        p.projectionType(
                                                                                ProjectionType
                                                                                        .ALL))));
        for (int i = 0; i < COUNT; i++) {
            List<AttributeValue> vec = new ArrayList<>();
            for (int d = 0; d < DIMENSIONS; d++) {
                vec.add(AttributeValue.fromN(Integer.toString(i + d)));
            }
            String id = String.format("v%02d", i);
            String category = i % 2 == 0 ? "a" : "b";
            client.putItem(
                    b ->
                            b.tableName(TABLE)
                                    .item(
                                            Map.of(
                                                    "id", AttributeValue.fromS(id),
                                                    "category", AttributeValue.fromS(category),
                                                    "vec", AttributeValue.fromL(vec))));
        }
        // an item without a vector is not in the index, so not examined
        client.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("none"))));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static SearchVectorsResponse search(String capacity, boolean filtered) {
        return client.searchVectors(
                b -> {
                    b.tableName(TABLE)
                            .indexName("by-vec")
                            .searchVector(
                                    AttributeValue.fromN("0"),
                                    AttributeValue.fromN("1"),
                                    AttributeValue.fromN("2"),
                                    AttributeValue.fromN("3"))
                            .topK(3)
                            .projectionExpression("id")
                            .returnConsumedCapacity(capacity);
                    if (filtered) {
                        b.searchConditionExpression("category = :c")
                                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("b")));
                    }
                });
    }

    @Test
    void total_reportsTheVectorBytesExaminedPlusTheItemsReturned() {
        SearchVectorsResponse r = search("TOTAL", false);

        // 50 vectors of 4 dimensions at 4 bytes, plus 3 items {id: "vNN"} of 2 + 3 bytes
        assertThat(r.consumedCapacity().vectorSearchRequestBytes())
                .isEqualTo(COUNT * DIMENSIONS * 4 + 3 * 5.0);
        assertThat(r.consumedCapacity().vectorWriteRequestBytes()).isNull();
        assertThat(r.searchResults())
                .extracting(i -> i.item().get("id").s())
                .containsExactly("v00", "v01", "v02");
    }

    @Test
    void aFilteredSearch_stillExaminesEveryVectorOfTheIndex_andIndexesReportsTheSame() {
        SearchVectorsResponse r = search("INDEXES", true);

        assertThat(r.consumedCapacity().vectorSearchRequestBytes())
                .isEqualTo(COUNT * DIMENSIONS * 4 + 3 * 5.0);
        assertThat(r.searchResults())
                .extracting(i -> i.item().get("id").s())
                .containsExactly("v01", "v03", "v05");
    }

    @Test
    void noneOrAbsent_reportsNothing_andAnUnknownValueIsRefused() {
        assertThat(search("NONE", false).consumedCapacity()).isNull();
        assertThat(search(null, false).consumedCapacity()).isNull();
        assertThatThrownBy(() -> search("BOGUS", false))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint:"
                                + " Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
    }
}
