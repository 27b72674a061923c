package dev.dynamorm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * SearchVectors through the SDK: vector indexes created with the table, exact (brute-force) answers
 * for each distance function compared with a reference computed here, filters, projections and
 * DynamoDB's validation errors.
 */
// the SDK builders' generic varargs (Consumer<Builder>...) in table set-up and transactions
@SuppressWarnings("unchecked")
class VectorSearchTest {
    private static final int COUNT = 10_000;
    private static final int DIMENSIONS = 256;
    private static final String TABLE = "vectors";
    private static final List<String> CATEGORIES = List.of("news", "sport", "tech", "food");

    private static LocalDynamoDb db;
    private static DynamoDbClient client;
    private static final Map<String, float[]> vectors = new HashMap<>();
    private static final Map<String, String> categories = new HashMap<>();

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
                                        a -> a.attributeName("category").attributeType("S"),
                                        a -> a.attributeName("tenant").attributeType("S"))
                                .vectorIndexes(
                                        index("by-cosine", VectorDistanceFunction.COSINE, null),
                                        index("by-euclid", VectorDistanceFunction.EUCLIDEAN, null),
                                        index("by-dot", VectorDistanceFunction.DOT_PRODUCT, null),
                                        index(
                                                "by-tenant",
                                                VectorDistanceFunction.COSINE,
                                                "tenant")));
        Random random = new Random(42);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String id = String.format("doc-%05d", i);
            float[] v = new float[DIMENSIONS];
            List<AttributeValue> list = new ArrayList<>(DIMENSIONS);
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] = (float) random.nextGaussian();
                list.add(AttributeValue.fromN(Float.toString(v[d])));
            }
            String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            vectors.put(id, v);
            categories.put(id, category);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.fromS(id));
            item.put("category", AttributeValue.fromS(category));
            item.put("embedding", AttributeValue.fromL(list));
            item.put("title", AttributeValue.fromS("title " + i));
            if (i % 2 == 0) {
                item.put("tenant", AttributeValue.fromS(i % 4 == 0 ? "t1" : "t2"));
            }
            batch.add(
                    WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(item).build())
                            .build());
            if (batch.size() == 25) {
                List<WriteRequest> send = List.copyOf(batch);
                client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, send)));
                batch.clear();
            }
        }
        // an item whose vector has the wrong dimensions is refused, so it is not in the index
        assertThatThrownBy(
                        () ->
                                client.putItem(
                                        b ->
                                                b.tableName(TABLE)
                                                        .item(
                                                                Map.of(
                                                                        "id",
                                                                        AttributeValue.fromS(
                                                                                "short"),
                                                                        "category",
                                                                        AttributeValue.fromS(
                                                                                "news"),
                                                                        "embedding",
                                                                        AttributeValue.fromL(
                                                                                List.of(
                                                                                        AttributeValue
                                                                                                .fromN(
                                                                                                        "1")))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "Invalid size for parameter embedding, Expected: 256, Actual: 1 IndexName:"
                                + " by-cosine");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static VectorIndex index(String name, VectorDistanceFunction distance, String hash) {
        VectorIndex.Builder b =
                VectorIndex.builder()
                        .indexName(name)
                        .vectorAttribute(a -> a.attributeName("embedding"))
                        .dimensions((long) DIMENSIONS)
                        .distanceFunction(distance)
                        .projection(p -> p.projectionType(ProjectionType.ALL));
        if (hash == null) {
            b.searchSchema(
                    s ->
                            s.attributeName("category")
                                    .searchSchemaElementType(
                                            SearchSchemaElementType.INLINE_FILTER));
        } else {
            b.searchSchema(
                            s ->
                                    s.attributeName(hash)
                                            .searchSchemaElementType(SearchSchemaElementType.HASH),
                            s ->
                                    s.attributeName("category")
                                            .searchSchemaElementType(
                                                    SearchSchemaElementType.INLINE_FILTER))
                    .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY));
        }
        return b.build();
    }

    private static List<AttributeValue> wire(float[] v) {
        List<AttributeValue> out = new ArrayList<>(v.length);
        for (float f : v) {
            out.add(AttributeValue.fromN(Float.toString(f)));
        }
        return out;
    }

    private static float[] randomVector(long seed) {
        Random random = new Random(seed);
        float[] v = new float[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return v;
    }

    // ---- the reference: brute force, written independently of the engine

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double reference(String distance, float[] q, float[] v) {
        return switch (distance) {
            case "COSINE" -> 1.0 - dot(q, v) / (Math.sqrt(dot(q, q)) * Math.sqrt(dot(v, v)));
            case "EUCLIDEAN" -> {
                double s = 0;
                for (int i = 0; i < q.length; i++) {
                    double d = (double) q[i] - v[i];
                    s += d * d;
                }
                yield Math.sqrt(s);
            }
            default -> dot(q, v);
        };
    }

    private record Scored(String id, double score) {}

    private static List<Scored> bruteForce(String distance, float[] q, String category, int k) {
        Comparator<Scored> order = Comparator.comparingDouble(Scored::score);
        if (distance.equals("DOT_PRODUCT")) {
            order = order.reversed();
        }
        return vectors.entrySet().stream()
                .filter(e -> category == null || category.equals(categories.get(e.getKey())))
                .map(e -> new Scored(e.getKey(), reference(distance, q, e.getValue())))
                .sorted(order.thenComparing(Scored::id))
                .limit(k)
                .toList();
    }

    private static List<Scored> search(String index, float[] q, String category, int k) {
        List<SearchResultItem> results =
                client.searchVectors(
                                b -> {
                                    b.tableName(TABLE)
                                            .indexName(index)
                                            .searchVector(wire(q))
                                            .topK(k);
                                    if (category != null) {
                                        b.searchConditionExpression("#c = :c")
                                                .expressionAttributeNames(Map.of("#c", "category"))
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":c",
                                                                AttributeValue.fromS(category)));
                                    }
                                })
                        .searchResults();
        return results.stream().map(r -> new Scored(r.item().get("id").s(), r.score())).toList();
    }

    @Test
    void searchVectors_topTenWithFilter_equalsBruteForce_forEachDistanceFunction() {
        Map<String, String> indexes =
                Map.of("by-cosine", "COSINE", "by-euclid", "EUCLIDEAN", "by-dot", "DOT_PRODUCT");
        long seed = 7;
        for (Map.Entry<String, String> e : indexes.entrySet()) {
            float[] q = randomVector(seed++);
            List<Scored> expected = bruteForce(e.getValue(), q, "tech", 10);
            List<Scored> actual = search(e.getKey(), q, "tech", 10);
            assertThat(actual).as(e.getKey()).hasSize(10);
            assertThat(actual.stream().map(Scored::id).toList())
                    .as(e.getKey())
                    .isEqualTo(expected.stream().map(Scored::id).toList());
            for (int i = 0; i < 10; i++) {
                assertThat(actual.get(i).score())
                        .as(e.getKey() + " score " + i)
                        .isCloseTo(
                                expected.get(i).score(), org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(actual).allMatch(s -> categories.get(s.id()).equals("tech"));
        }
    }

    @Test
    void searchVectors_withoutFilter_searchesTheWholeIndex() {
        float[] q = vectors.get("doc-01234");
        List<Scored> actual = search("by-euclid", q, null, 3);
        assertThat(actual.get(0)).isEqualTo(new Scored("doc-01234", 0.0));
        List<SearchResultItem> all =
                client.searchVectors(
                                b ->
                                        b.tableName(TABLE)
                                                .indexName("by-euclid")
                                                .searchVector(wire(q))
                                                .topK(1))
                        .searchResults();
        assertThat(all.get(0).item())
                .as("ALL projects every attribute but the vector")
                .containsOnlyKeys("id", "category", "title", "tenant");
        assertThat(actual.stream().map(Scored::id).toList())
                .isEqualTo(bruteForce("EUCLIDEAN", q, null, 3).stream().map(Scored::id).toList());
    }

    @Test
    void searchVectors_hashKey_partitionsTheIndexAndProjectsKeysOnly() {
        float[] q = randomVector(99);
        List<SearchResultItem> results =
                client.searchVectors(
                                b ->
                                        b.tableName(TABLE)
                                                .indexName("by-tenant")
                                                .searchVector(wire(q))
                                                .topK(5)
                                                .searchConditionExpression(
                                                        "tenant = :t AND category = :a")
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":t", AttributeValue.fromS("t1"),
                                                                ":a",
                                                                        AttributeValue.fromS(
                                                                                "news"))))
                        .searchResults();
        assertThat(results).hasSize(5);
        for (SearchResultItem r : results) {
            assertThat(r.item()).containsOnlyKeys("id", "tenant", "category");
            assertThat(r.item().get("tenant").s()).isEqualTo("t1");
            assertThat(r.item().get("category").s()).isEqualTo("news");
        }
        List<String> expected =
                vectors.keySet().stream()
                        .filter(id -> Integer.parseInt(id.substring(4)) % 4 == 0)
                        .filter(id -> categories.get(id).equals("news"))
                        .map(id -> new Scored(id, reference("COSINE", q, vectors.get(id))))
                        .sorted(Comparator.comparingDouble(Scored::score))
                        .limit(5)
                        .map(Scored::id)
                        .toList();
        assertThat(results.stream().map(r -> r.item().get("id").s()).toList()).isEqualTo(expected);
    }

    @Test
    void searchVectors_projectionExpression_narrowsTheItems() {
        List<SearchResultItem> results =
                client.searchVectors(
                                b ->
                                        b.tableName(TABLE)
                                                .indexName("by-dot")
                                                .searchVector(wire(randomVector(3)))
                                                .topK(2)
                                                .projectionExpression("title"))
                        .searchResults();
        assertThat(results)
                .hasSize(2)
                .allMatch(r -> r.item().keySet().equals(java.util.Set.of("title")));
    }

    private static void rejected(Consumer<SearchVectorsRequest.Builder> request, String message) {
        assertThatThrownBy(() -> client.searchVectors(request))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(
                        e ->
                                assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                                        .isEqualTo(message));
    }

    private static SearchVectorsRequest.Builder base(SearchVectorsRequest.Builder b) {
        return b.tableName(TABLE)
                .indexName("by-cosine")
                .searchVector(wire(randomVector(1)))
                .topK(10);
    }

    @Test
    void searchVectors_badRequests_areRejectedWithDynamoDbsMessages() {
        rejected(
                b -> base(b).topK(0),
                "1 validation error detected: Value '0' at 'topK' failed to satisfy constraint: Member must have value greater than or equal to 1");
        rejected(
                b -> base(b).topK(101),
                "Provided TopK value '101' is out of valid range. The value must be between 1 and 100 inclusive");
        rejected(
                b -> base(b).indexName("nope"),
                "The table does not have the specified index: nope");
        rejected(
                b -> base(b).indexName("by-tenant"),
                "SearchConditionExpression must be provided when SearchSchema has a HASH key");
        rejected(
                b -> base(b).searchVector(AttributeValue.fromN("1")),
                "Input search vector dimension 1 does not match vector index dimension 256");
        rejected(
                b -> {
                    List<AttributeValue> v = new ArrayList<>(wire(randomVector(1)));
                    v.set(3, AttributeValue.fromS("x"));
                    base(b).searchVector(v);
                },
                "Search vector contains invalid values. All values in the search vector must be a 32-bit floating-point number attribute");
        rejected(
                b ->
                        base(b).searchConditionExpression("title = :t")
                                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("x"))),
                "SearchConditionExpression must not contain any attributes that is not in SearchSchema. Invalid attribute: title");
        rejected(
                b ->
                        base(b).searchConditionExpression("begins_with(category, :t)")
                                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("x"))),
                "Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression");
        rejected(
                b ->
                        base(b).indexName("by-tenant")
                                .searchConditionExpression("tenant <> :t")
                                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("x"))),
                "Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression");
        rejected(
                b ->
                        base(b).indexName("by-tenant")
                                .searchConditionExpression("category = :t")
                                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("x"))),
                "SearchConditionExpression must be provided when SearchSchema has a HASH key");
        for (String condition :
                List.of("category = :t OR category = :t", "NOT category = :t", "category < :t")) {
            rejected(
                    b ->
                            base(b).searchConditionExpression(condition)
                                    .expressionAttributeValues(
                                            Map.of(":t", AttributeValue.fromS("x"))),
                    "Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression");
        }
        rejected(
                b ->
                        base(b).searchConditionExpression("category.x = :t")
                                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("x"))),
                "Invalid SearchConditionExpression: SearchConditionExpression cannot have conditions on nested attributes");
    }

    @Test
    void describeTable_reportsVectorIndexesAndTheirAttributeDefinitions() {
        TableDescription d = client.describeTable(b -> b.tableName(TABLE)).table();
        assertThat(d.vectorIndexes())
                .extracting(v -> v.indexName())
                .containsExactly("by-cosine", "by-euclid", "by-dot", "by-tenant");
        var cosine = d.vectorIndexes().get(0);
        assertThat(cosine.dimensions()).isEqualTo(DIMENSIONS);
        assertThat(cosine.distanceFunction()).isEqualTo(VectorDistanceFunction.COSINE);
        assertThat(cosine.vectorAttribute().attributeName()).isEqualTo("embedding");
        assertThat(cosine.indexStatusAsString()).isEqualTo("ACTIVE");
        assertThat(cosine.itemCount()).isEqualTo(COUNT);
        assertThat(d.vectorIndexes().get(3).itemCount()).isEqualTo(COUNT / 2);
        assertThat(d.attributeDefinitions())
                .extracting(a -> a.attributeName())
                .containsExactly("category", "id", "tenant");
    }

    @Test
    void updateTable_createsAndDeletesVectorIndexes() {
        String t = "vectors-updated";
        client.createTable(
                b ->
                        b.tableName(t)
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                                .attributeDefinitions(
                                        a -> a.attributeName("id").attributeType("S")));
        client.putItem(
                b ->
                        b.tableName(t)
                                .item(
                                        Map.of(
                                                "id", AttributeValue.fromS("a"),
                                                "v",
                                                        AttributeValue.fromL(
                                                                wire(new float[] {1, 0})))));
        client.updateTable(
                b ->
                        b.tableName(t)
                                .vectorIndexUpdates(
                                        u ->
                                                u.create(
                                                        c ->
                                                                c.indexName("by-v")
                                                                        .vectorAttribute(
                                                                                a ->
                                                                                        a
                                                                                                .attributeName(
                                                                                                        "v"))
                                                                        .dimensions(2L)
                                                                        .distanceFunction(
                                                                                VectorDistanceFunction
                                                                                        .EUCLIDEAN)
                                                                        .projection(
                                                                                p ->
                                                                                        p
                                                                                                .projectionType(
                                                                                                        ProjectionType
                                                                                                                .ALL)))));
        List<SearchResultItem> found =
                client.searchVectors(
                                b ->
                                        b.tableName(t)
                                                .indexName("by-v")
                                                .searchVector(wire(new float[] {0, 1}))
                                                .topK(1))
                        .searchResults();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).score()).isEqualTo(Math.sqrt(2));
        client.updateTable(
                b -> b.tableName(t).vectorIndexUpdates(u -> u.delete(d -> d.indexName("by-v"))));
        assertThat(client.describeTable(b -> b.tableName(t)).table().vectorIndexes()).isEmpty();
    }

    @Test
    void createTable_badVectorIndexes_areRejected() {
        assertThatThrownBy(
                        () ->
                                client.createTable(
                                        b ->
                                                b.tableName("bad-vectors")
                                                        .billingMode("PAY_PER_REQUEST")
                                                        .keySchema(
                                                                k ->
                                                                        k.attributeName("id")
                                                                                .keyType("HASH"))
                                                        .attributeDefinitions(
                                                                a ->
                                                                        a.attributeName("id")
                                                                                .attributeType("S"))
                                                        .vectorIndexes(
                                                                index(
                                                                        "vec-1",
                                                                        VectorDistanceFunction
                                                                                .COSINE,
                                                                        null))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "One element in SearchSchema is not defined in attribute definitions");
        assertThat(client.listTables().tableNames()).doesNotContain("bad-vectors");
    }

    private static void refusedWrite(Runnable write, String message) {
        assertThatThrownBy(write::run)
                .isInstanceOf(DynamoDbException.class)
                .satisfies(
                        e -> {
                            DynamoDbException d = (DynamoDbException) e;
                            assertThat(d.awsErrorDetails().errorCode())
                                    .isEqualTo("ValidationException");
                            assertThat(d.awsErrorDetails().errorMessage()).isEqualTo(message);
                        });
    }

    private static Map<String, AttributeValue> small(String id, AttributeValue vector) {
        return Map.of("id", AttributeValue.fromS(id), "v", vector);
    }

    private static AttributeValue numbers(String... values) {
        List<AttributeValue> out = new ArrayList<>();
        for (String v : values) {
            out.add(AttributeValue.fromN(v));
        }
        return AttributeValue.fromL(out);
    }

    @Test
    void writes_whoseVectorDoesNotFitTheIndex_areRefusedWithDynoxidesMessages() {
        String t = "vectors-checked";
        client.createTable(
                b ->
                        b.tableName(t)
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                                .vectorIndexes(
                                        VectorIndex.builder()
                                                .indexName("by-v")
                                                .vectorAttribute(a -> a.attributeName("v"))
                                                .dimensions(3L)
                                                .distanceFunction(VectorDistanceFunction.COSINE)
                                                .projection(
                                                        p -> p.projectionType(ProjectionType.ALL))
                                                .build()));
        String invalid = "One or more parameter values were invalid. ";
        refusedWrite(
                () -> client.putItem(b -> b.tableName(t).item(small("a", numbers("1", "2")))),
                invalid + "Invalid size for parameter v, Expected: 3, Actual: 2 IndexName: by-v");
        refusedWrite(
                () ->
                        client.putItem(
                                b -> b.tableName(t).item(small("a", AttributeValue.fromS("x")))),
                invalid
                        + "Invalid type for parameter v, Expected: 32-bit floating point number list"
                        + " IndexName: by-v");
        refusedWrite(
                () ->
                        client.putItem(
                                b ->
                                        b.tableName(t)
                                                .item(
                                                        small(
                                                                "a",
                                                                AttributeValue.fromL(
                                                                        List.of(
                                                                                AttributeValue
                                                                                        .fromN("1"),
                                                                                AttributeValue
                                                                                        .fromS("2"),
                                                                                AttributeValue
                                                                                        .fromN(
                                                                                                "3")))))),
                invalid
                        + "Invalid type for parameter v[1], Expected: 32-bit floating point number,"
                        + " Actual: S. IndexName: by-v");
        refusedWrite(
                () ->
                        client.putItem(
                                b -> b.tableName(t).item(small("a", numbers("1", "2", "-1E+39")))),
                invalid
                        + "Invalid value for parameter v[2], Value: -1E+39 is outside valid range"
                        + " [-3.4028235E38, 3.4028235E38]. IndexName: by-v");
        // the shape is checked before the condition, as Dynoxide does
        refusedWrite(
                () ->
                        client.putItem(
                                b ->
                                        b.tableName(t)
                                                .item(small("a", numbers("1")))
                                                .conditionExpression("attribute_exists(nope)")),
                invalid + "Invalid size for parameter v, Expected: 3, Actual: 1 IndexName: by-v");
        client.putItem(b -> b.tableName(t).item(small("a", numbers("1", "2", "3"))));
        refusedWrite(
                () ->
                        client.updateItem(
                                b ->
                                        b.tableName(t)
                                                .key(Map.of("id", AttributeValue.fromS("a")))
                                                .updateExpression("REMOVE v[0]")),
                invalid + "Invalid size for parameter v, Expected: 3, Actual: 2 IndexName: by-v");
        refusedWrite(
                () ->
                        client.batchWriteItem(
                                b ->
                                        b.requestItems(
                                                Map.of(
                                                        t,
                                                        List.of(
                                                                WriteRequest.builder()
                                                                        .putRequest(
                                                                                PutRequest.builder()
                                                                                        .item(
                                                                                                small(
                                                                                                        "b",
                                                                                                        numbers(
                                                                                                                "1")))
                                                                                        .build())
                                                                        .build())))),
                invalid + "Invalid size for parameter v, Expected: 3, Actual: 1 IndexName: by-v");
        assertThatThrownBy(
                        () ->
                                client.transactWriteItems(
                                        b ->
                                                b.transactItems(
                                                        x ->
                                                                x.put(
                                                                        p ->
                                                                                p.tableName(t)
                                                                                        .item(
                                                                                                small(
                                                                                                        "c",
                                                                                                        numbers(
                                                                                                                "1")))))))
                .isInstanceOf(TransactionCanceledException.class)
                .satisfies(
                        e ->
                                assertThat(((TransactionCanceledException) e).cancellationReasons())
                                        .extracting(r -> r.code() + ": " + r.message())
                                        .containsExactly(
                                                "ValidationError: "
                                                        + invalid
                                                        + "Invalid size for parameter v, Expected:"
                                                        + " 3, Actual: 1 IndexName: by-v"));
        assertThat(
                        client.getItem(
                                        b ->
                                                b.tableName(t)
                                                        .key(
                                                                Map.of(
                                                                        "id",
                                                                        AttributeValue.fromS("a"))))
                                .item()
                                .get("v"))
                .isEqualTo(numbers("1", "2", "3"));
        assertThat(client.scan(b -> b.tableName(t)).count()).isEqualTo(1);
    }
}
