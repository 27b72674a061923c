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
 * A model module compiled on the module path with the processor, then run in a fresh JVM on the
 * module path: its package is exported to nobody and opened to nobody, so the engine can only use
 * the generated schema. The same JVM logs class loading, to show that no hidden class is spun for
 * the model (the reflective path defines {@code LambdaMetafactory} accessors in the model's
 * package).
 */
final class ModulePathTest {

    private static final String MODULE_INFO =
            """
            module demo.shop {
                requires dev.dynamorm.api;
                requires dev.dynamorm.local;
                provides dev.dynamorm.spi.schema.ModelSchemaProvider with
                        demo.shop.DynamORM_Schemas;
            }
            """;

    private static final String ORDER =
            """
            package demo.shop;

            import dev.dynamorm.annotations.*;
            import java.util.List;

            @DynamoTable("orders")
            public record Order(
                    @PartitionKey String customerId,
                    @SortKey String orderId,
                    long totalCents,
                    int quantity,
                    boolean gift,
                    Address address,
                    List<String> items) {}
            """;

    private static final String ADDRESS =
            """
            package demo.shop;

            public record Address(String city, int zip) {}
            """;

    private static final String MAIN =
            """
            package demo.shop;

            import dev.dynamorm.DynamORM;
            import dev.dynamorm.Table;
            import dev.dynamorm.local.LocalDynamoDb;
            import java.util.List;

            public final class Main {
                public static void main(String[] args) {
                    try (LocalDynamoDb local = LocalDynamoDb.start();
                            DynamORM db = DynamORM.builder()
                                    .client(local.client())
                                    .requireGeneratedModels(true)
                                    .build()) {
                        Table<Order> orders = db.table(Order.class);
                        orders.createTable();
                        Order order = new Order("c1", "o1", 1250L, 3, true,
                                new Address("Oslo", 150), List.of("pen"));
                        // more calls than the reflective path needs to spin its fast accessors
                        for (int i = 0; i < 20; i++) {
                            orders.put(order);
                            orders.get("c1", "o1").orElseThrow();
                        }
                        System.out.println("module " + Main.class.getModule().getName()
                                + " opens demo.shop: "
                                + Main.class.getModule().isOpen("demo.shop"));
                        System.out.println("read back: " + orders.get("c1", "o1").orElseThrow());
                        System.out.println("equal: " + order.equals(orders.get("c1", "o1").orElseThrow()));
                    }
                }
            }
            """;

    /** The test class path without the test framework: every entry becomes a module. */
    private static String modulePath() {
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

    @Test
    void modelModule_compilesWithProvidesLine_andRunsWithoutOpens(@TempDir Path dir)
            throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), MODULE_INFO);
        write(src.resolve("demo/shop/Order.java"), ORDER);
        write(src.resolve("demo/shop/Address.java"), ADDRESS);
        write(src.resolve("demo/shop/Main.java"), MAIN);
        Path classes = Files.createDirectories(dir.resolve("classes"));

        List<String> errors = compile(src, classes);
        assertThat(errors).isEmpty();
        assertThat(classes.resolve("demo/shop/DynamORM_Schemas.class")).exists();
        assertThat(classes.resolve("demo/shop/Order_.class")).exists();

        String out =
                run(
                        List.of(
                                "-Xlog:class+load=info",
                                "--module-path",
                                classes + File.pathSeparator + modulePath(),
                                "--module",
                                "demo.shop/demo.shop.Main"));
        assertThat(out)
                .contains("module demo.shop opens demo.shop: false")
                .contains(
                        "read back: Order[customerId=c1, orderId=o1, totalCents=1250, quantity=3,"
                                + " gift=true, address=Address[city=Oslo, zip=150], items=[pen]]")
                .contains("equal: true");
        List<String> loaded =
                out.lines().filter(l -> l.contains("demo.shop.")).collect(Collectors.toList());
        assertThat(loaded).anyMatch(l -> l.contains("demo.shop.Order_$Schema source:"));
        // hidden classes (LambdaMetafactory, MethodHandles.Lookup#defineHiddenClass) are named
        // Outer$$Lambda/0x... or Outer/0x...; the reflective path spins them in the model's package
        assertThat(loaded).noneMatch(l -> l.contains("$$Lambda") || l.contains("/0x"));
    }

    @Test
    void reflectiveRun_spinsHiddenClassesForTheModel_soTheCheckAboveCanFail(@TempDir Path dir)
            throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("demo/shop/Order.java"), ORDER);
        write(src.resolve("demo/shop/Address.java"), ADDRESS);
        write(
                src.resolve("demo/shop/Main.java"),
                MAIN.replace(".requireGeneratedModels(true)", ".requireGeneratedModels(false)"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(compileClassPath(src, classes)).isEmpty();

        String out =
                run(
                        List.of(
                                "-Xlog:class+load=info",
                                "-cp",
                                classes + File.pathSeparator + modulePath(),
                                "demo.shop.Main"));
        assertThat(out).contains("equal: true");
        assertThat(out.lines().filter(l -> l.contains("demo.shop.")))
                .anyMatch(l -> l.contains("demo.shop.Order$$Lambda"));
    }

    @Test
    void moduleWithoutProvidesLine_isACompileErrorNamingTheLine(@TempDir Path dir)
            throws Exception {
        Path src = dir.resolve("src");
        write(
                src.resolve("module-info.java"),
                "module demo.shop { requires dev.dynamorm.api; requires dev.dynamorm.local; }\n");
        write(src.resolve("demo/shop/Order.java"), ORDER);
        write(src.resolve("demo/shop/Address.java"), ADDRESS);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(compile(src, classes))
                .containsExactly(
                        "module demo.shop holds DynamORM models but does not provide their schemas:"
                                + " add 'provides dev.dynamorm.spi.schema.ModelSchemaProvider with"
                                + " demo.shop.DynamORM_Schemas;' to its module-info.java (and 'requires"
                                + " dev.dynamorm.api;')");
    }

    private static List<String> compile(Path src, Path classes) throws IOException {
        return javac(
                src,
                List.of(
                        "--module-path",
                        modulePath(),
                        "-d",
                        classes.toString(),
                        "-s",
                        Files.createDirectories(classes.resolveSibling("generated")).toString(),
                        "-Xlint:all"),
                true);
    }

    private static List<String> compileClassPath(Path src, Path classes) throws IOException {
        return javac(
                src, List.of("-cp", modulePath(), "-d", classes.toString(), "-proc:none"), false);
    }

    static List<String> javac(Path src, List<String> options, boolean processor)
            throws IOException {
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
                            options,
                            null,
                            fm.getJavaFileObjectsFromPaths(sources));
            if (processor) {
                task.setProcessors(List.of(new DynamORMProcessor()));
            }
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
