package dev.dynamorm.plugin.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation plugin on the module path: an application module is compiled against this module's
 * jars and run in a fresh JVM with {@code --module-path} only. The plugin, Hibernate Validator (the
 * standard bootstrap's provider) and Expressly (message interpolation) are found through {@link
 * java.util.ServiceLoader}; the application only opens its model package to the engine and to
 * Hibernate Validator.
 */
final class ValidationModulePathTest {

    private static final String MODULE_INFO =
            """
            module demo.validation {
                requires dev.dynamorm.api;
                requires dev.dynamorm.local;
                requires dev.dynamorm.plugin.validation;
                // the models are mapped and validated by reflection
                opens demo to dev.dynamorm.engine, org.hibernate.validator;
            }
            """;

    private static final String MAIN =
            """
            package demo;

            import dev.dynamorm.DynamORM;
            import dev.dynamorm.Table;
            import dev.dynamorm.annotations.DynamoTable;
            import dev.dynamorm.annotations.PartitionKey;
            import dev.dynamorm.local.LocalDynamoDb;
            import dev.dynamorm.plugin.validation.ConstraintViolationsException;
            import jakarta.validation.constraints.Email;
            import jakarta.validation.constraints.NotBlank;

            public final class Main {
                @DynamoTable("customers")
                public record Customer(
                        @PartitionKey String id, @NotBlank String name, @Email String email) {}

                public static void main(String[] args) {
                    try (LocalDynamoDb local = LocalDynamoDb.start();
                            DynamORM db = DynamORM.builder().client(local.client()).build()) {
                        System.out.println("module: " + Main.class.getModule().getName());
                        System.out.println("plugins: " + db.plugins());
                        Table<Customer> customers = db.table(Customer.class);
                        customers.createTable();
                        customers.put(new Customer("c1", "Ada", "ada@example.com"));
                        try {
                            customers.put(new Customer("c2", " ", "not-an-email"));
                        } catch (ConstraintViolationsException e) {
                            System.out.println("refused put: " + e.getMessage());
                        }
                        try {
                            customers.where("id", "=", "c1").update(u -> u.set("name", ""));
                        } catch (ConstraintViolationsException e) {
                            System.out.println("refused update: " + e.getMessage());
                        }
                        System.out.println("c2 stored: " + customers.get("c2").isPresent());
                        System.out.println("c1 name: " + customers.get("c1").orElseThrow().name());
                    }
                }
            }
            """;

    /**
     * The jars and class directories of this module's run time: its classes, the engine, converters
     * and dynamorm-local, the Bean Validation API, Hibernate Validator and Expressly; not the test
     * libraries.
     */
    private static String modulePath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean testOnly =
                    name.equals("test-classes")
                            || name.startsWith("junit-")
                            || name.startsWith("opentest4j-")
                            || name.startsWith("apiguardian-")
                            || name.startsWith("assertj-")
                            || name.startsWith("byte-buddy")
                            || name.startsWith("surefire")
                            || name.startsWith("common-java5")
                            || name.startsWith("org.jacoco");
            if (!testOnly && Files.exists(Path.of(entry))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /** Runs a JDK tool ({@code java}, {@code javac}) of the running JDK; returns its output. */
    private static String run(String tool, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(tool + " finished in time").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void applicationModule_validatesWritesOnTheModulePath(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        Files.createDirectories(src.resolve("demo"));
        Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("demo").resolve("Main.java"), MAIN);
        String modulePath = modulePath();
        // javac as a process: the tests run patched into this module, which does not read
        // java.compiler
        run(
                "javac",
                List.of(
                        "--module-path",
                        modulePath,
                        "-d",
                        out.toString(),
                        src.resolve("module-info.java").toString(),
                        src.resolve("demo").resolve("Main.java").toString()));

        String output =
                run(
                        "java",
                        List.of(
                                "--module-path",
                                out + File.pathSeparator + modulePath,
                                "--module",
                                "demo.validation/demo.Main"));

        assertThat(output)
                .contains("module: demo.validation")
                .contains("plugins: [validation]")
                .contains(
                        "refused put: put of demo.Main$Customer (id=c2) breaks 2 constraints,"
                                + " nothing was sent: ")
                .contains("name: must not be blank (@NotBlank)")
                .contains("email: must be a well-formed email address (@Email)")
                .contains(
                        "refused update: update of demo.Main$Customer (id=c1) breaks 1"
                                + " constraint, nothing was sent: ")
                .contains("c2 stored: false")
                .contains("c1 name: Ada");
        assertThat(
                        Arrays.stream(output.split("\n"))
                                .filter(l -> l.contains("WARNING"))
                                .collect(Collectors.toList()))
                .as("no illegal-access or module warnings")
                .isEmpty();
    }
}
