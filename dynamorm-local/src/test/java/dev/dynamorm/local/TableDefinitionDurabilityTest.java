package dev.dynamorm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;

/**
 * Table definitions with a data directory: vector indexes survive a clean restart (snapshot) and a
 * crash (log), and a table created or updated with a stream (turning it on or off) is one log
 * record, so no crash leaves a table without the stream change it was made with.
 */
// the SDK builders' generic varargs (Consumer<Builder>...) in table set-up
@SuppressWarnings("unchecked")
class TableDefinitionDurabilityTest {
    @TempDir Path dir;

    private static LocalDynamoDb open(Path d) {
        return LocalDynamoDb.builder().dataDirectory(d).start();
    }

    /** Copies the files of a running server as a crash (no snapshot on close) leaves them. */
    private static void crashCopy(Path live, Path crashed) throws IOException {
        Files.createDirectories(crashed);
        Files.copy(live.resolve("snapshot.bin"), crashed.resolve("snapshot.bin"));
        Files.copy(live.resolve("wal.bin"), crashed.resolve("wal.bin"));
    }

    /** The byte offsets at which the log's records end. */
    private static List<Integer> recordEnds(byte[] log) {
        List<Integer> ends = new ArrayList<>();
        int at = 0;
        while (at + 8 <= log.length) {
            at += 8 + ByteBuffer.wrap(log, at, 4).getInt();
            ends.add(at);
        }
        return ends;
    }

    private static AttributeValue vector(float... v) {
        List<AttributeValue> out = new ArrayList<>();
        for (float f : v) {
            out.add(AttributeValue.fromN(Float.toString(f)));
        }
        return AttributeValue.fromL(out);
    }

    private static Map<String, AttributeValue> doc(String id, String category, float... v) {
        return Map.of(
                "id", AttributeValue.fromS(id),
                "category", AttributeValue.fromS(category),
                "emb", vector(v),
                "e2", vector(v[0], v[1]));
    }

    private static void createVectorTable(DynamoDbClient c) {
        c.createTable(
                b ->
                        b.tableName("docs")
                                .billingMode("PAY_PER_REQUEST")
                                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                                .attributeDefinitions(
                                        a -> a.attributeName("id").attributeType("S"),
                                        a -> a.attributeName("category").attributeType("S"))
                                .vectorIndexes(
                                        VectorIndex.builder()
                                                .indexName("by-emb")
                                                .vectorAttribute(a -> a.attributeName("emb"))
                                                .dimensions(3L)
                                                .distanceFunction(VectorDistanceFunction.COSINE)
                                                .searchSchema(
                                                        s ->
                                                                s.attributeName("category")
                                                                        .searchSchemaElementType(
                                                                                SearchSchemaElementType
                                                                                        .INLINE_FILTER))
                                                .projection(
                                                        p -> p.projectionType(ProjectionType.ALL))
                                                .build()));
        c.putItem(b -> b.tableName("docs").item(doc("x", "news", 1, 0, 0)));
        c.putItem(b -> b.tableName("docs").item(doc("y", "news", 0, 1, 0)));
        c.putItem(b -> b.tableName("docs").item(doc("z", "sport", 0, 0, 1)));
        c.updateTable(
                b ->
                        b.tableName("docs")
                                .vectorIndexUpdates(
                                        u ->
                                                u.create(
                                                        x ->
                                                                x.indexName("by-e2")
                                                                        .vectorAttribute(
                                                                                a ->
                                                                                        a
                                                                                                .attributeName(
                                                                                                        "e2"))
                                                                        .dimensions(2L)
                                                                        .distanceFunction(
                                                                                VectorDistanceFunction
                                                                                        .EUCLIDEAN)
                                                                        .projection(
                                                                                p ->
                                                                                        p
                                                                                                .projectionType(
                                                                                                        ProjectionType
                                                                                                                .KEYS_ONLY)))));
    }

    private static List<String> nearest(DynamoDbClient c, String index, AttributeValue q) {
        return c
                .searchVectors(
                        b -> b.tableName("docs").indexName(index).searchVector(q.l()).topK(2))
                .searchResults()
                .stream()
                .map(SearchResultItem::item)
                .map(i -> i.get("id").s())
                .toList();
    }

    @Test
    void vectorIndexesSurviveACleanRestartAndACrash() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        try (LocalDynamoDb db = open(live)) {
            createVectorTable(db.client());
            crashCopy(live, crashed);
        }
        for (Path d : List.of(live, crashed)) {
            try (LocalDynamoDb db = open(d)) {
                DynamoDbClient c = db.client();
                TableDescription t = c.describeTable(b -> b.tableName("docs")).table();
                assertThat(t.vectorIndexes())
                        .extracting(v -> v.indexName() + "/" + v.dimensions() + "/" + v.itemCount())
                        .as("after restarting from %s", d.getFileName())
                        .containsExactly("by-emb/3/3", "by-e2/2/3");
                assertThat(t.attributeDefinitions())
                        .extracting(a -> a.attributeName())
                        .containsExactly("category", "id");
                assertThat(nearest(c, "by-emb", vector(0.9f, 0.1f, 0))).containsExactly("x", "y");
                assertThat(nearest(c, "by-e2", vector(0, 2))).containsExactly("y", "z");
                assertThatThrownBy(
                                () ->
                                        c.putItem(
                                                b ->
                                                        b.tableName("docs")
                                                                .item(
                                                                        Map.of(
                                                                                "id",
                                                                                AttributeValue
                                                                                        .fromS("w"),
                                                                                "emb",
                                                                                vector(1)))))
                        .isInstanceOf(DynamoDbException.class)
                        .hasMessageContaining(
                                "Invalid size for parameter emb, Expected: 3, Actual: 1 IndexName:"
                                        + " by-emb");
            }
        }
        // a deleted vector index stays deleted, and a dropped table takes its indexes with it
        try (LocalDynamoDb db = open(live)) {
            db.client()
                    .updateTable(
                            b ->
                                    b.tableName("docs")
                                            .vectorIndexUpdates(
                                                    u -> u.delete(x -> x.indexName("by-e2"))));
        }
        try (LocalDynamoDb db = open(live)) {
            assertThat(db.client().describeTable(b -> b.tableName("docs")).table().vectorIndexes())
                    .extracting(v -> v.indexName())
                    .containsExactly("by-emb");
            assertThat(
                            db.client()
                                    .deleteTable(b -> b.tableName("docs"))
                                    .tableDescription()
                                    .vectorIndexes())
                    .extracting(v -> v.indexName() + "/" + v.indexStatusAsString())
                    .containsExactly("by-emb/DELETING");
            db.client()
                    .createTable(
                            b ->
                                    b.tableName("docs")
                                            .billingMode("PAY_PER_REQUEST")
                                            .keySchema(k -> k.attributeName("id").keyType("HASH"))
                                            .attributeDefinitions(
                                                    a -> a.attributeName("id").attributeType("S")));
        }
        try (LocalDynamoDb db = open(live)) {
            assertThat(db.client().describeTable(b -> b.tableName("docs")).table().vectorIndexes())
                    .isEmpty();
        }
    }

    @Test
    void aTableCreatedOrUpdatedWithAStreamIsOneLogRecord() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        try (LocalDynamoDb db = open(live)) {
            DynamoDbClient c = db.client();
            c.createTable(
                    b ->
                            b.tableName("created")
                                    .billingMode("PAY_PER_REQUEST")
                                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                                    .attributeDefinitions(
                                            a -> a.attributeName("pk").attributeType("S"))
                                    .streamSpecification(
                                            s ->
                                                    s.streamEnabled(true)
                                                            .streamViewType(
                                                                    StreamViewType.KEYS_ONLY)));
            c.createTable(
                    b ->
                            b.tableName("updated")
                                    .billingMode("PAY_PER_REQUEST")
                                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                                    .attributeDefinitions(
                                            a -> a.attributeName("pk").attributeType("S")));
            c.updateTable(
                    b ->
                            b.tableName("updated")
                                    .deletionProtectionEnabled(true)
                                    .streamSpecification(
                                            s ->
                                                    s.streamEnabled(true)
                                                            .streamViewType(
                                                                    StreamViewType.NEW_IMAGE)));
            crashCopy(live, crashed);
        }
        byte[] log = Files.readAllBytes(crashed.resolve("wal.bin"));
        List<Integer> ends = recordEnds(log);
        assertThat(ends.get(ends.size() - 1)).isEqualTo(log.length);
        // a crash may come after any record: each cut must keep a table and its stream together
        for (int i = 0; i < ends.size(); i++) {
            Path cut = dir.resolve("cut" + i);
            Files.createDirectories(cut);
            Files.copy(crashed.resolve("snapshot.bin"), cut.resolve("snapshot.bin"));
            Files.write(cut.resolve("wal.bin"), Arrays.copyOf(log, ends.get(i)));
            try (LocalDynamoDb db = open(cut)) {
                DynamoDbClient c = db.client();
                List<String> streams =
                        db.streamsClient().listStreams(b -> {}).streams().stream()
                                .map(s -> s.tableName())
                                .toList();
                boolean created = exists(c, "created");
                assertThat(streams.contains("created"))
                        .as("cut after record %d: the stream of table 'created'", i)
                        .isEqualTo(created);
                if (created) {
                    assertThat(
                                    c.describeTable(b -> b.tableName("created"))
                                            .table()
                                            .latestStreamArn())
                            .isNotNull();
                }
                if (exists(c, "updated")) {
                    TableDescription u = c.describeTable(b -> b.tableName("updated")).table();
                    assertThat(streams.contains("updated"))
                            .as("cut after record %d: the stream of table 'updated'", i)
                            .isEqualTo(Boolean.TRUE.equals(u.deletionProtectionEnabled()));
                }
            }
        }
        try (LocalDynamoDb db = open(crashed)) {
            TableDescription u = db.client().describeTable(b -> b.tableName("updated")).table();
            assertThat(u.deletionProtectionEnabled()).isTrue();
            assertThat(u.streamSpecification().streamViewType())
                    .isEqualTo(StreamViewType.NEW_IMAGE);
        }
    }

    @Test
    void anUpdateTurningAStreamOffIsOneLogRecord() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        int before;
        try (LocalDynamoDb db = open(live)) {
            DynamoDbClient c = db.client();
            c.createTable(
                    b ->
                            b.tableName("tab")
                                    .billingMode("PAY_PER_REQUEST")
                                    .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                                    .attributeDefinitions(
                                            a -> a.attributeName("pk").attributeType("S"))
                                    .deletionProtectionEnabled(true)
                                    .streamSpecification(
                                            s ->
                                                    s.streamEnabled(true)
                                                            .streamViewType(
                                                                    StreamViewType.KEYS_ONLY)));
            before = recordEnds(Files.readAllBytes(live.resolve("wal.bin"))).size();
            c.updateTable(
                    b ->
                            b.tableName("tab")
                                    .deletionProtectionEnabled(false)
                                    .streamSpecification(s -> s.streamEnabled(false)));
            crashCopy(live, crashed);
        }
        byte[] log = Files.readAllBytes(crashed.resolve("wal.bin"));
        List<Integer> ends = recordEnds(log);
        assertThat(ends).hasSize(before + 1);
        // cut before and after the update's record: protection and stream change together
        for (int i = ends.size() - 2; i < ends.size(); i++) {
            Path cut = dir.resolve("cut" + i);
            Files.createDirectories(cut);
            Files.copy(crashed.resolve("snapshot.bin"), cut.resolve("snapshot.bin"));
            Files.write(cut.resolve("wal.bin"), Arrays.copyOf(log, ends.get(i)));
            try (LocalDynamoDb db = open(cut)) {
                TableDescription t = db.client().describeTable(b -> b.tableName("tab")).table();
                boolean protectedTable = Boolean.TRUE.equals(t.deletionProtectionEnabled());
                assertThat(t.streamSpecification() != null)
                        .as("cut after record %d: the stream of table 'tab' is enabled", i)
                        .isEqualTo(protectedTable);
                assertThat(
                                db.streamsClient()
                                        .describeStream(b -> b.streamArn(t.latestStreamArn()))
                                        .streamDescription()
                                        .streamStatusAsString())
                        .isEqualTo(protectedTable ? "ENABLED" : "DISABLED");
                assertThat(protectedTable).isEqualTo(i < ends.size() - 1);
            }
        }
    }

    private static boolean exists(DynamoDbClient c, String table) {
        try {
            c.describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
