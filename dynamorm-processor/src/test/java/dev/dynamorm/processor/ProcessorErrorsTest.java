package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProcessorErrorsTest {

    private static Compilation compile(Path dir, String name, String source) {
        return Compilation.compile(dir, true, Map.of("bad/" + name + ".java", source));
    }

    @Test
    void noPartitionKey_isACompileError_onTheModel(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "NoKey",
                        """
                        package bad;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        public record NoKey(String id, String name) {}
                        """);
        assertThat(c.success).isFalse();
        assertThat(c.errors())
                .containsExactly(
                        "6: model bad.NoKey has no @PartitionKey: annotate the field that holds the partition key");
    }

    @Test
    void twoSortKeys_isACompileError_onTheSecondField(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "TwoSorts",
                        """
                        package bad;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        public record TwoSorts(
                                @PartitionKey String id,
                                @SortKey String a,
                                @SortKey String b) {}
                        """);
        assertThat(c.errors())
                .containsExactly(
                        "9: model bad.TwoSorts has two @SortKey fields, 'a' and 'b': keep at most one");
    }

    @Test
    void indexKeyOnEncryptedField_isACompileError(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "Secret",
                        """
                        package bad;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        public record Secret(
                                @PartitionKey String id,
                                @Encrypted @IndexKey(index = "by-ssn") String ssn) {}
                        """);
        assertThat(c.errors())
                .containsExactly(
                        "8: model bad.Secret: field 'ssn' is the partition key of index 'by-ssn' and cannot be "
                                + "@Encrypted: DynamoDB must read index keys in plain form; remove @Encrypted");
    }

    @Test
    void beanWithoutNoArgConstructor_isACompileError(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "Bean",
                        """
                        package bad;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        public class Bean {
                            @PartitionKey private String id;

                            public Bean(String id) { this.id = id; }

                            public String getId() { return id; }
                            public void setId(String id) { this.id = id; }
                        }
                        """);
        assertThat(c.errors())
                .containsExactly(
                        "6: model bad.Bean has no public no-argument constructor: add one, or make it a record");
    }

    @Test
    void wrongVersionType_andDuplicateAttribute_areCompileErrors(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "Several",
                        """
                        package bad;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        public record Several(
                                @PartitionKey String id,
                                @Version String version,
                                @Attribute("id") String other) {}
                        """);
        assertThat(c.errors())
                .containsExactly(
                        "8: model bad.Several: @Version field 'version' has type java.lang.String: use int, long, "
                                + "Integer or Long",
                        "9: model bad.Several: fields 'id' and 'other' both map to attribute 'id': rename one with "
                                + "@Attribute");
    }

    @Test
    void validModel_compilesWithoutWarnings_andNamesItsSchemaAfterTheModel(@TempDir Path dir) {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        Map.of(
                                "ok/Shop.java",
                                """
                                package ok;

                                import dev.dynamorm.annotations.*;

                                public class Shop {
                                    @DynamoTable("items")
                                    public record Item(@PartitionKey String id, Part part) {}

                                    public record Part(String name) {}
                                }
                                """));
        assertThat(c.diagnostics).isEmpty();
        assertThat(c.generatedFiles())
                .containsExactly(
                        "ok/DynamORM_Schemas.java", "ok/Shop_Item_.java", "ok/Shop_Part_.java");
        assertThat(c.generatedSource("ok/Shop_Item_.java"))
                .contains("final class Shop_Item_ {")
                .contains(
                        "static final class Schema implements dev.dynamorm.spi.schema.ModelSchema<ok.Shop.Item>")
                .contains("return instance.id();")
                .contains("return new ok.Shop.Item(")
                .contains("(java.lang.String) values[0],")
                .contains("(ok.Shop.Part) values[1]);");
    }
}
