package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.n;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DurabilityTest {
    @TempDir Path dir;

    @Test
    // the SDK builders' generic varargs (Consumer<Builder>..., Map<...>...)
    @SuppressWarnings("unchecked")
    void dataSurvivesRestart() {
        String t;
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            var c = db.client();
            t = Fixtures.hashTable(c);
            c.updateTable(
                    r ->
                            r.tableName(t)
                                    .attributeDefinitions(
                                            a ->
                                                    a.attributeName("g")
                                                            .attributeType(ScalarAttributeType.S))
                                    .globalSecondaryIndexUpdates(
                                            u ->
                                                    u.create(
                                                            x ->
                                                                    x.indexName("byG")
                                                                            .keySchema(
                                                                                    k ->
                                                                                            k.attributeName(
                                                                                                            "g")
                                                                                                    .keyType(
                                                                                                            "HASH"))
                                                                            .projection(
                                                                                    p ->
                                                                                            p
                                                                                                    .projectionType(
                                                                                                            ProjectionType
                                                                                                                    .ALL)))));
            for (int i = 0; i < 10; i++) {
                int k = i;
                c.putItem(
                        r -> r.tableName(t).item(item("pk", s("k" + k), "v", n(k), "g", s("grp"))));
            }
            c.deleteItem(r -> r.tableName(t).key(item("pk", s("k0"))));
            c.updateItem(
                    r ->
                            r.tableName(t)
                                    .key(item("pk", s("k1")))
                                    .updateExpression("SET v = :v")
                                    .expressionAttributeValues(item(":v", n(100))));
        }
        try (LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start()) {
            var c = db.client();
            assertThat(c.scan(r -> r.tableName(t)).count()).isEqualTo(9);
            assertThat(c.getItem(r -> r.tableName(t).key(item("pk", s("k1")))).item())
                    .containsEntry("v", n(100));
            assertThat(
                            c.query(
                                            r ->
                                                    r.tableName(t)
                                                            .indexName("byG")
                                                            .keyConditionExpression("g = :g")
                                                            .expressionAttributeValues(
                                                                    item(":g", s("grp"))))
                                    .count())
                    .isEqualTo(9);
        }
    }

    @Test
    void logIsReplayedWithoutCleanShutdownAndTornTailIgnored() throws IOException {
        LocalDynamoDb db = LocalDynamoDb.builder().dataDirectory(dir).start();
        String t = Fixtures.hashTable(db.client());
        db.client().putItem(r -> r.tableName(t).item(item("pk", s("a"))));
        db.client().putItem(r -> r.tableName(t).item(item("pk", s("b"))));
        // simulate a crash: copy the files as they are now, without close()
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        Files.copy(dir.resolve("snapshot.bin"), crashed.resolve("snapshot.bin"));
        Files.copy(dir.resolve("wal.bin"), crashed.resolve("wal.bin"));
        db.close();
        Files.write(
                crashed.resolve("wal.bin"),
                new byte[] {0, 0, 1, 0, 1, 2, 3},
                StandardOpenOption.APPEND);
        try (LocalDynamoDb again = LocalDynamoDb.builder().dataDirectory(crashed).start()) {
            assertThat(again.client().scan(r -> r.tableName(t)).count()).isEqualTo(2);
        }
    }
}
