package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit with a generated model whose package is exported to nobody and opened to nobody, in
 * a fresh JVM on the module path: MockDB computes keys and enforces {@code @Unique}, and fixtures
 * build the items and write a {@code @Unique} model one put per item, all through the generated
 * schema (a reflective read or constructor call would be refused, and the kit would say "open its
 * package to dev.dynamorm.test").
 */
final class KitModulePathTest {

    private static final String MODULE_INFO =
            """
            module demo.kit {
                requires dev.dynamorm.api;
                requires dev.dynamorm.local;
                requires dev.dynamorm.test;
                provides dev.dynamorm.spi.schema.ModelSchemaProvider with
                        demo.kit.DynamORM_Schemas;
            }
            """;

    private static final String MEMBER =
            """
            package demo.kit;

            import dev.dynamorm.annotations.*;

            @DynamoTable("members")
            public record Member(
                    @PartitionKey String id, @Unique @Attribute("mail") String email, String name) {}
            """;

    private static final String MAIN =
            """
            package demo.kit;

            import dev.dynamorm.DynamORM;
            import dev.dynamorm.Table;
            import dev.dynamorm.UniqueConstraintException;
            import dev.dynamorm.local.LocalDynamoDb;
            import dev.dynamorm.test.fixtures.Fixtures;
            import dev.dynamorm.test.mock.MockDB;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    Module module = Main.class.getModule();
                    System.out.println("demo.kit opened: " + module.isOpen("demo.kit")
                            + ", exported: " + module.isExported("demo.kit"));
                    Member ann = new Member("m1", "ann@example.com", "Ann");
                    Member bob = new Member("m2", "bob@example.com", "Bob");

                    MockDB mock = MockDB.create();
                    Table<Member> mocked = mock.table(Member.class);
                    Member copycat = new Member("m9", "ann@example.com", "Copycat");
                    mock.expect(mocked).create(ann).succeeds();
                    mock.expect(mocked).create(copycat).succeeds();
                    mocked.create(ann);
                    System.out.println("mock key: " + mocked.keyOf(ann));
                    try {
                        mocked.create(copycat);
                        System.out.println("mock clash: none");
                    } catch (UniqueConstraintException e) {
                        System.out.println("mock clash: " + e.getMessage());
                    }

                    Path file = Files.createTempFile("members", ".json");
                    Files.writeString(file, "{\\"Member\\": ["
                            + "{\\"id\\": \\"m1\\", \\"email\\": \\"ann@example.com\\", \\"name\\": \\"Ann\\"},"
                            + "{\\"id\\": \\"m2\\", \\"email\\": \\"bob@example.com\\", \\"name\\": \\"Bob\\"}]}");

                    // MockDB describes no model: the kit finds @Unique in the schema, puts one by one
                    MockDB forFixtures = MockDB.create();
                    Table<Member> table = forFixtures.table(Member.class);
                    forFixtures.expect(table).put(ann).succeeds();
                    forFixtures.expect(table).put(bob).succeeds();
                    int loaded = Fixtures.of(forFixtures).withModels(Member.class).load(file);
                    forFixtures.verifyAllExpectationsMet();
                    System.out.println("mock fixtures: " + loaded);

                    try (LocalDynamoDb local = LocalDynamoDb.start();
                            DynamORM db = DynamORM.builder()
                                    .client(local.client())
                                    .requireGeneratedModels(true)
                                    .build()) {
                        Table<Member> members = db.table(Member.class);
                        members.createTable();
                        System.out.println("unique attributes: "
                                + members.modelInfo().uniqueAttributes());
                        System.out.println("engine fixtures: "
                                + Fixtures.of(db).withModels(Member.class).load(file));
                        System.out.println("read back: " + members.get("m2").orElseThrow());
                        try {
                            members.create(new Member("m3", "bob@example.com", "Other"));
                            System.out.println("engine clash: none");
                        } catch (UniqueConstraintException e) {
                            System.out.println("engine clash: " + e.field() + " " + e.value());
                        }
                    }
                }
            }
            """;

    /** The test class path without what a kit user's JVM would not have. */
    private static String modulePath() {
        List<String> left =
                List.of(
                        "surefire",
                        "byte-buddy",
                        "junit-jupiter-engine",
                        "junit-jupiter-params",
                        "junit-platform-engine",
                        "junit-platform-launcher",
                        "dynamorm-processor");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && left.stream().noneMatch(e::contains))
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void generatedUniqueModel_worksInMockDbAndFixtures_withoutItsPackageOpened(@TempDir Path dir)
            throws Exception {
        Path src = dir.resolve("src");
        ModulePathTest.write(src.resolve("module-info.java"), MODULE_INFO);
        ModulePathTest.write(src.resolve("demo/kit/Member.java"), MEMBER);
        ModulePathTest.write(src.resolve("demo/kit/Main.java"), MAIN);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> errors =
                ModulePathTest.javac(
                        src,
                        List.of(
                                "--module-path",
                                modulePath(),
                                "-d",
                                classes.toString(),
                                "-s",
                                Files.createDirectories(dir.resolve("generated")).toString()),
                        true);
        assertThat(errors).isEmpty();
        assertThat(classes.resolve("demo/kit/Member_.class")).exists();

        String out =
                ModulePathTest.run(
                        List.of(
                                "--module-path",
                                classes + File.pathSeparator + modulePath(),
                                "--module",
                                "demo.kit/demo.kit.Main"));
        assertThat(out)
                .contains("demo.kit opened: false, exported: false")
                .contains("mock key: Key[m1]")
                .contains(
                        "mock clash: create of model demo.kit.Member: @Unique field 'email' already"
                                + " has the value 'ann@example.com' in another item of table"
                                + " 'members'; nothing was written")
                .contains("mock fixtures: 2")
                .contains("unique attributes: [mail]")
                .contains("engine fixtures: 2")
                .contains("read back: Member[id=m2, email=bob@example.com, name=Bob]")
                .contains("engine clash: email bob@example.com")
                .doesNotContain("open its package");
    }
}
