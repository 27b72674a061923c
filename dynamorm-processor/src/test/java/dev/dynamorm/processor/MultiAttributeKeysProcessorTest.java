package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.local.LocalDynamoDb;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated schema carries the {@code order} of multi-attribute index keys (issue 17.4), and a
 * model registered from it (reflection forbidden) creates the index with every key attribute.
 */
final class MultiAttributeKeysProcessorTest {

    static final Map<String, String> SOURCES =
            Map.of(
                    "demo/Match.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.*;

                    @DynamoTable("matches")
                    public record Match(
                            @PartitionKey String id,
                            @IndexKey(index = "by-region", order = 1) String tournament,
                            @IndexKey(index = "by-region", order = 2) String region,
                            @IndexKey(index = "by-region", role = KeyRole.SORT) int seq) {}
                    """);

    @Test
    void generatedSchemaKeepsTheOrderOfEveryKeyField(@TempDir Path dir) throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        assertThat(gen.errors()).isEmpty();
        String source = Files.readString(gen.generated.resolve("demo/Match_.java"));
        assertThat(source)
                .contains(
                        "KeyRole.PARTITION, dev.dynamorm.annotations.ProjectionType.ALL, java.util.List.of(), 1))")
                .contains(
                        "KeyRole.PARTITION, dev.dynamorm.annotations.ProjectionType.ALL, java.util.List.of(), 2))")
                .contains(
                        "KeyRole.SORT, dev.dynamorm.annotations.ProjectionType.ALL, java.util.List.of()))");
        try (LocalDynamoDb local = LocalDynamoDb.start();
                URLClassLoader loader = gen.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .requireGeneratedModels(true)
                                .build()) {
            db.table(loader.loadClass("demo.Match")).createTable();
            assertThat(
                            local.client()
                                    .describeTable(r -> r.tableName("matches"))
                                    .table()
                                    .globalSecondaryIndexes()
                                    .get(0)
                                    .keySchema())
                    .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("tournament:HASH", "region:HASH", "seq:RANGE");
        }
    }
}
