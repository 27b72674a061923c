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
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models in a named module: the generated provider and the 'provides' line the processor asks for.
 */
final class ModulePathTest {

    private static final String MODEL =
            """
            package shop.model;

            import dev.dynamorm.annotations.*;

            @DynamoTable("orders")
            public record Order(@PartitionKey String id, long totalCents) {}
            """;

    @Test
    void aModuleThatProvidesTheGeneratedSchemas_compiles(@TempDir Path dir) throws IOException {
        List<String> errors =
                compileModule(
                        dir,
                        Map.of(
                                "module-info.java",
                                """
                                module shop {
                                    requires dev.dynamorm.api;
                                    provides dev.dynamorm.spi.schema.ModelSchemaProvider with
                                            shop.model.DynamORM_Schemas;
                                }
                                """,
                                "shop/model/Order.java",
                                MODEL));

        assertThat(errors).isEmpty();
        assertThat(dir.resolve("classes/shop/model/DynamORM_Schemas.class")).exists();
        assertThat(dir.resolve("classes/shop/model/Order_.class")).exists();
    }

    @Test
    void aModuleWithoutTheProvidesLine_isToldWhichLineToAdd(@TempDir Path dir) throws IOException {
        List<String> errors =
                compileModule(
                        dir,
                        Map.of(
                                "module-info.java",
                                "module shop {\n    requires dev.dynamorm.api;\n}\n",
                                "shop/model/Order.java",
                                MODEL));

        assertThat(errors)
                .containsExactly(
                        "6: module shop holds DynamORM models but does not provide their schemas: add"
                                + " 'provides dev.dynamorm.spi.schema.ModelSchemaProvider with"
                                + " shop.model.DynamORM_Schemas;' to its module-info.java (and"
                                + " 'requires dev.dynamorm.api;')");
    }

    /** Compiles the sources as one module; the test class path becomes the module path. */
    private static List<String> compileModule(Path dir, Map<String, String> sources)
            throws IOException {
        Path src = dir.resolve("src");
        List<File> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file.toFile());
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String modulePath =
                String.join(
                        File.pathSeparator,
                        Arrays.stream(
                                        System.getProperty("java.class.path")
                                                .split(File.pathSeparator))
                                .filter(p -> p.contains("dynamorm-api") || p.contains("awssdk"))
                                .toList());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm =
                javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options =
                    List.of(
                            "--module-path",
                            modulePath,
                            "-d",
                            classes.toString(),
                            "-s",
                            Files.createDirectories(dir.resolve("generated")).toString());
            JavaCompiler.CompilationTask task =
                    javac.getTask(
                            null, fm, diags, options, null, fm.getJavaFileObjectsFromFiles(files));
            task.setProcessors(List.of(new DynamORMProcessor()));
            task.call();
        }
        return diags.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }
}
