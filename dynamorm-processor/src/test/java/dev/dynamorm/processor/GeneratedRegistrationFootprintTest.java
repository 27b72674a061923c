package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What registering a generated model loads, in a fresh JVM that logs class loading (issue 16: a
 * cold registration under a millisecond): only that model's schema (not every schema of its
 * package's provider), no hidden class spun by the engine's model building (lambdas and method
 * references on the registration path) and no annotation read by reflection (each read parses the
 * annotations and creates a proxy class). Class counts, not times: a timed assertion would fail on
 * a busy machine.
 */
final class GeneratedRegistrationFootprintTest {

    /**
     * At most this many classes load while the first model registers (the engine's model classes
     * included): 68 when the table's writer, admin and plan cache came to be built at first use
     * (about 190 before, with the ~100 method-handle classes of a record's equals/hashCode linked
     * by index building), 65 since a nested path's generated constants concatenate without
     * invokedynamic (no method-handle classes spun), 60 since the schema is the nested {@code
     * Order_.Schema} (registration initializes no field references, no {@code Address_.Path}) and
     * list converters load no factory class (61 with the model's map field, whose key handling is
     * no class of its own and whose values-by-key view loads at the first path into it), 56 since
     * fields of common types (String, long, List of String...) register with a stand-in of their
     * built-in converter (one class) instead of the converter and its codec interfaces; the margin
     * absorbs a JDK's own background loading.
     */
    private static final int FIRST_MODEL_CLASSES = 61;

    /**
     * At most this many classes load while a second model registers: 2 today (the model and its
     * {@code Shipment_.Schema}; its {@code Instant} registers with the built-in converter's
     * stand-in, the text-form converter loads at the first value the stand-in leaves to it).
     */
    private static final int SECOND_MODEL_CLASSES = 6;

    private static final String ORDER =
            """
            package demo.shop;

            import dev.dynamorm.annotations.*;
            import java.util.List;
            import java.util.Map;

            @DynamoTable("orders")
            public record Order(
                    @PartitionKey String customerId,
                    @SortKey String orderId,
                    @Version long version,
                    @IndexKey(index = "by-total") long totalCents,
                    Address address,
                    List<String> items,
                    Map<String, Integer> counts) {}
            """;

    private static final String ADDRESS =
            """
            package demo.shop;

            public record Address(String city, int zip) {}
            """;

    /** A second model of the package, never registered. */
    private static final String INVOICE =
            """
            package demo.shop;

            import dev.dynamorm.annotations.*;

            @DynamoTable("invoices")
            public record Invoice(@PartitionKey String id, long totalCents) {}
            """;

    /** A second model, registered after the first: indexes (two per key role) and an Instant. */
    private static final String SHIPMENT =
            """
            package demo.shop;

            import dev.dynamorm.annotations.*;
            import java.time.Instant;

            @DynamoTable("shipments")
            public record Shipment(
                    @PartitionKey String id,
                    @IndexKey(index = "by-carrier") String carrier,
                    @IndexKey(index = "by-carrier", role = KeyRole.SORT) Instant shippedAt,
                    @IndexKey(index = "by-zone") String zone,
                    @IndexKey(index = "by-zone", role = KeyRole.SORT) long weight,
                    String note) {}
            """;

    private static final String MAIN =
            """
            package demo.shop;

            import dev.dynamorm.DynamORM;
            import dev.dynamorm.local.LocalDynamoDb;

            public final class Main {
                public static void main(String[] args) {
                    try (LocalDynamoDb local = LocalDynamoDb.start()) {
                        System.out.println("BUILDING");
                        System.out.flush();
                        run(local);
                    }
                }

                private static void run(LocalDynamoDb local) {
                    try (DynamORM db = DynamORM.builder()
                                    .client(local.client())
                                    .requireGeneratedModels(true)
                                    .build()) {
                        System.out.println("REGISTERING");
                        System.out.flush();
                        db.table(Order.class);
                        System.out.println("REGISTERED");
                        System.out.flush();
                        db.table(Shipment.class);
                        System.out.println("REGISTERED SECOND");
                        System.out.flush();
                    }
                }
            }
            """;

    @Test
    void registeringAGeneratedModel_loadsItsSchemaOnly_spinsNoModelLambda_readsNoAnnotation(
            @TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("demo/shop/Order.java"), ORDER);
        write(src.resolve("demo/shop/Address.java"), ADDRESS);
        write(src.resolve("demo/shop/Invoice.java"), INVOICE);
        write(src.resolve("demo/shop/Shipment.java"), SHIPMENT);
        write(src.resolve("demo/shop/Main.java"), MAIN);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(compile(src, classes)).isEmpty();
        assertThat(classes.resolve("demo/shop/Invoice_.class")).exists();

        String out =
                run(
                        List.of(
                                "-Xlog:class+load=info",
                                "-cp",
                                classes + File.pathSeparator + classPath(),
                                "demo.shop.Main"));
        List<String> lines = out.lines().collect(Collectors.toList());
        int building = lines.indexOf("BUILDING");
        int from = lines.indexOf("REGISTERING");
        assertThat(building).as(out).isNotNegative();
        assertThat(lines.subList(building + 1, from))
                .as("lambdas spun while DynamORM is built (each a hidden class in a cold JVM)")
                .noneMatch(
                        l ->
                                l.contains("$$Lambda")
                                        && (l.contains(" dev.dynamorm.engine.")
                                                || l.contains(" dev.dynamorm.DynamORM")));
        int to = lines.indexOf("REGISTERED");
        assertThat(from).as(out).isNotNegative();
        assertThat(to).as(out).isGreaterThan(from);
        List<String> loaded = lines.subList(from + 1, to);

        assertThat(loaded).anyMatch(l -> l.contains(" demo.shop.Order_$Schema source:"));
        assertThat(loaded)
                .as("typed field references (Order_, Address_.Path) initialized at registration")
                .noneMatch(
                        l ->
                                l.contains(" demo.shop.Order_ source:")
                                        || l.contains(" demo.shop.Address_ source:")
                                        || l.contains("demo.shop.Address_$Path"));
        assertThat(loaded)
                .as(
                        "the schema's per-field read/write code (Order_.Schema.Codec) loaded at registration")
                .noneMatch(l -> l.contains("demo.shop.Order_$Schema$Codec"));
        assertThat(loaded)
                .as("another model's schema")
                .noneMatch(l -> l.contains("demo.shop.Invoice"));
        assertThat(loaded)
                .as("hidden classes spun while building the model")
                .noneMatch(
                        l ->
                                l.contains("dev.dynamorm.engine.internal.model.")
                                        && l.contains("$$Lambda"));
        assertThat(loaded)
                .as(
                        "method-handle classes spun (a nested path's string concatenation compiled to "
                                + "invokedynamic, a record's equals/hashCode)")
                .noneMatch(l -> l.contains("LambdaForm$MH") || l.contains("ObjectMethods"));
        assertThat(loaded)
                .as(
                        "what a map field needs only for paths into it (MapValues) or in a class of its "
                                + "own (a key codec)")
                .noneMatch(
                        l ->
                                l.contains(" dev.dynamorm.engine.internal.model.MapValues ")
                                        || l.contains("MapKeyCodec"));
        assertThat(loaded)
                .as(
                        "built-in converters of String, long and List<String> fields (their stand-ins "
                                + "register them; the converter loads at its first need)")
                .noneMatch(
                        l ->
                                l.contains(" dev.dynamorm.converters.internal.StringConverter ")
                                        || l.contains(" dev.dynamorm.spi.schema.StringCodec ")
                                        || l.contains(
                                                " dev.dynamorm.converters.internal.CollectionConverter "));
        assertThat(loaded)
                .as("annotation proxies (annotations read by reflection)")
                .noneMatch(l -> l.contains("$Proxy"));
        assertThat(loaded)
                .as("java.time classes for the lifecycle checks of a model without timestamps")
                .noneMatch(l -> l.contains("java.time.OffsetDateTime "));
        // what the table's operations need is built at their first use, not at registration
        assertThat(loaded)
                .as("per-operation collaborators built at registration")
                .noneMatch(
                        l ->
                                l.contains(" dev.dynamorm.engine.internal.write.TableWriter ")
                                        || l.contains(" dev.dynamorm.engine.internal.TableAdmin ")
                                        || l.contains(
                                                " dev.dynamorm.engine.internal.query.PlanCache ")
                                        || l.contains(
                                                " dev.dynamorm.engine.internal.async.DefaultAsyncTable "));
        // ceilings a little above what it loads today (FIRST_MODEL_CLASSES): a feature that starts
        // loading its classes for every model shows up here
        assertThat(loaded.size())
                .as("classes loaded registering the first model:%n%s", String.join("\n", loaded))
                .isLessThanOrEqualTo(FIRST_MODEL_CLASSES);

        List<String> second = lines.subList(to + 1, lines.indexOf("REGISTERED SECOND"));
        assertThat(second).anyMatch(l -> l.contains(" demo.shop.Shipment_$Schema source:"));
        assertThat(second)
                .as("lambdas spun by DynamORM or a record's equals/hashCode linked")
                .noneMatch(
                        l ->
                                (l.contains(" dev.dynamorm.") && l.contains("$$Lambda"))
                                        || l.contains("java.lang.runtime.ObjectMethods"));
        assertThat(second)
                .as("the built-in converter of an Instant (its stand-in registers it)")
                .noneMatch(l -> l.contains(" dev.dynamorm.converters.internal.TextFormConverter "));
        assertThat(second.size())
                .as("classes loaded registering a second model:%n%s", String.join("\n", second))
                .isLessThanOrEqualTo(SECOND_MODEL_CLASSES);
    }

    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(
                        e ->
                                !e.contains("junit")
                                        && !e.contains("opentest4j")
                                        && !e.contains("apiguardian")
                                        && !e.contains("assertj")
                                        && !e.contains("byte-buddy")
                                        && !e.contains("surefire")
                                        && !e.endsWith("test-classes")
                                        && !e.contains("dynamorm-processor"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static List<String> compile(Path src, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm =
                        javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8);
                var files = Files.walk(src)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            JavaCompiler.CompilationTask task =
                    javac.getTask(
                            null,
                            fm,
                            diags,
                            List.of(
                                    "-cp",
                                    classPath(),
                                    "-d",
                                    classes.toString(),
                                    "-s",
                                    Files.createDirectories(classes.resolveSibling("generated"))
                                            .toString()),
                            null,
                            fm.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new DynamORMProcessor()));
            task.call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static String run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
