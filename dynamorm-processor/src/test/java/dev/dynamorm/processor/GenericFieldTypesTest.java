package dev.dynamorm.processor;

import static dev.dynamorm.processor.GeneratedRegistrationFootprintTest.classPath;
import static dev.dynamorm.processor.GeneratedRegistrationFootprintTest.compile;
import static dev.dynamorm.processor.GeneratedRegistrationFootprintTest.run;
import static dev.dynamorm.processor.GeneratedRegistrationFootprintTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated fields of parameterized types: those whose type arguments are classes ({@code
 * List<String>}) are written as raw class and classes, so that registering them makes no {@code
 * ParameterizedType} where the engine registers them with a stand-in of the built-in converter (the
 * class that makes one, {@code SchemaTypes}, does not even load; another type's converter is found
 * by its type, made then); nested ones ({@code Map<String, List<String>>}) keep {@code
 * SchemaTypes}. Either way the values written and read back are the model's, through a fresh JVM
 * that logs class loading.
 */
final class GenericFieldTypesTest {

    private static final String BAG =
            """
            package demo.bags;

            import dev.dynamorm.annotations.*;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;

            @DynamoTable("bags")
            public record Bag(
                    @PartitionKey String id,
                    List<String> tags,
                    Set<String> labels,
                    Map<String, String> attrs) {}
            """;

    private static final String GROUPED =
            """
            package demo.bags;

            import dev.dynamorm.annotations.*;
            import java.util.List;
            import java.util.Map;

            @DynamoTable("grouped")
            public record Grouped(
                    @PartitionKey String id, Map<String, List<String>> groups, List<byte[]> blobs) {}
            """;

    private static final String MAIN =
            """
            package demo.bags;

            import dev.dynamorm.DynamORM;
            import dev.dynamorm.Table;
            import dev.dynamorm.local.LocalDynamoDb;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;

            public final class Main {
                public static void main(String[] args) {
                    try (LocalDynamoDb local = LocalDynamoDb.start();
                            DynamORM db = DynamORM.builder()
                                    .client(local.client())
                                    .requireGeneratedModels(true)
                                    .build()) {
                        System.out.println("REGISTERING");
                        System.out.flush();
                        Table<Bag> bags = db.table(Bag.class);
                        System.out.println("REGISTERED");
                        System.out.flush();
                        bags.createTable();
                        Bag bag = new Bag("b1", List.of("a", "b"), Set.of("l"), Map.of("k", "v"));
                        bags.put(bag);
                        Bag got = bags.get("b1").orElseThrow();
                        System.out.println("BAG " + got);
                        bags.update(got, u -> u.set("tags[0]", "z").set("attrs.k", "w"));
                        Bag updated = bags.get("b1").orElseThrow();
                        System.out.println("UPDATED " + updated.tags() + " " + updated.attrs());
                        System.out.flush();
                        Table<Grouped> grouped = db.table(Grouped.class);
                        grouped.createTable();
                        grouped.put(new Grouped("g1", Map.of("g", List.of("m", "n")),
                                List.of(new byte[] {1, 2})));
                        Grouped g = grouped.get("g1").orElseThrow();
                        System.out.println("GROUPED " + g.groups() + " " + g.blobs().get(0).length);
                    }
                }
            }
            """;

    @Test
    void fieldsOfClassArguments_registerWithoutSchemaTypes_andRoundTrip(@TempDir Path dir)
            throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("demo/bags/Bag.java"), BAG);
        write(src.resolve("demo/bags/Grouped.java"), GROUPED);
        write(src.resolve("demo/bags/Main.java"), MAIN);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(compile(src, classes)).isEmpty();
        Path generated = dir.resolve("generated");
        assertThat(Files.readString(generated.resolve("demo/bags/Bag_.java")))
                .contains(
                        "FieldSchema.builder(\"tags\", java.util.List.class, java.lang.String.class)")
                .contains(
                        "FieldSchema.builder(\"labels\", java.util.Set.class, java.lang.String.class)")
                .contains(
                        "FieldSchema.builder(\"attrs\", java.util.Map.class, java.lang.String.class,"
                                + " java.lang.String.class)")
                .doesNotContain("SchemaTypes");
        assertThat(Files.readString(generated.resolve("demo/bags/Grouped_.java")))
                .contains(
                        "FieldSchema.builder(\"groups\", dev.dynamorm.spi.schema.SchemaTypes"
                                + ".parameterized(java.util.Map.class, java.lang.String.class,"
                                + " dev.dynamorm.spi.schema.SchemaTypes.parameterized("
                                + "java.util.List.class, java.lang.String.class)))")
                .contains("FieldSchema.builder(\"blobs\", java.util.List.class, byte[].class)");

        String out =
                run(
                        List.of(
                                "-Xlog:class+load=info",
                                "-cp",
                                classes + File.pathSeparator + classPath(),
                                "demo.bags.Main"));
        List<String> lines = out.lines().collect(Collectors.toList());
        int from = lines.indexOf("REGISTERING");
        int to = lines.indexOf("REGISTERED");
        int updated = lines.indexOf("UPDATED [z, b] {k=w}");
        assertThat(from).as(out).isNotNegative();
        assertThat(to).as(out).isGreaterThan(from);
        assertThat(lines.subList(from + 1, to))
                .anyMatch(l -> l.contains(" demo.bags.Bag_$Schema source:"))
                .as(
                        "the class that makes generic types, loaded to register fields of class arguments")
                .noneMatch(l -> l.contains(" dev.dynamorm.spi.schema.SchemaTypes "));
        // nor for the first put, get and update of a list element and a map value (their classes
        // come from the field's class arguments)
        assertThat(updated).as(out).isGreaterThan(to);
        assertThat(lines.subList(from + 1, updated))
                .noneMatch(l -> l.contains(" dev.dynamorm.spi.schema.SchemaTypes "));
        assertThat(lines)
                .as(out)
                .contains(
                        "BAG Bag[id=b1, tags=[a, b], labels=[l], attrs={k=v}]",
                        "UPDATED [z, b] {k=w}",
                        "GROUPED {g=[m, n]} 2");
    }
}
