package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.local.LocalDynamoDb;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Unique} at compile time: generated schemas carry it, and misuse is a compile error. */
final class UniqueProcessorTest {

    private static final Map<String, String> SOURCES =
            Map.of(
                    "uq/Member.java",
                    """
                    package uq;

                    import dev.dynamorm.annotations.*;

                    @DynamoTable("members")
                    public record Member(@PartitionKey String id, @Unique String email, String name) {}
                    """,
                    "uq/Scenario.java",
                    """
                    package uq;

                    import dev.dynamorm.DynamORM;
                    import dev.dynamorm.Table;
                    import dev.dynamorm.UniqueConstraintException;

                    public class Scenario implements java.util.function.Function<DynamORM, String> {
                        public String apply(DynamORM db) {
                            Table<Member> members = db.table(Member.class);
                            members.createTable();
                            members.create(new Member("m1", "ann@example.com", "Ann"));
                            try {
                                members.create(new Member("m2", "ann@example.com", "Other Ann"));
                                return "second create went through";
                            } catch (UniqueConstraintException e) {
                                return e.field() + "=" + e.value() + " | " + members.scan();
                            }
                        }
                    }
                    """);

    @Test
    void generatedSchema_marksTheUniqueField_andTheEngineEnforcesIt(@TempDir Path dir)
            throws Exception {
        Compilation c = Compilation.compile(dir, true, SOURCES);
        assertThat(c.errors()).isEmpty();
        assertThat(c.generatedSource("uq/Member_.java"))
                .contains("FieldSchema.builder(\"email\", java.lang.String.class).unique()");
        try (LocalDynamoDb local = LocalDynamoDb.start();
                URLClassLoader loader = c.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .requireGeneratedModels(true)
                                .build()) {
            @SuppressWarnings("unchecked") // the scenario class implements this function type
            Function<DynamORM, String> scenario =
                    (Function<DynamORM, String>)
                            loader.loadClass("uq.Scenario").getConstructor().newInstance();
            assertThat(scenario.apply(db))
                    .isEqualTo(
                            "email=ann@example.com | [Member[id=m1, email=ann@example.com, name=Ann]]");
        }
    }

    @Test
    void uniqueOnAKey_orOnAnEncryptedField_isACompileError(@TempDir Path dir) {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        Map.of(
                                "bad/Keyed.java",
                                """
                                package bad;

                                import dev.dynamorm.annotations.*;

                                @DynamoTable("t")
                                public record Keyed(
                                        @PartitionKey @Unique String id,
                                        @Unique @Encrypted String secret) {}
                                """));
        assertThat(c.success).isFalse();
        assertThat(c.errors())
                .containsExactlyInAnyOrder(
                        "7: model bad.Keyed: field 'id' is @Unique and a key: a key is unique already,"
                                + " remove @Unique",
                        "8: model bad.Keyed: field 'secret' is @Unique and @Encrypted: its sentinel item's key"
                                + " would hold the plain value; remove one of them");
    }
}
