package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key templates at compile time: bad templates are errors on the model; good ones compile. */
final class KeyTemplatesProcessorTest {

    private static Compilation compile(Path dir, String name, String source) {
        return Compilation.compile(dir, true, Map.of("tpl/" + name + ".java", source));
    }

    @Test
    void templatedKeys_compile_withoutAPartitionKeyField(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "Order",
                        """
                        package tpl;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        @PartitionKey(template = "CUSTOMER#{customerId}")
                        @SortKey(template = "ORDER#{orderId}")
                        @IndexKey(index = "GSI1", template = "ORDER#{orderId}")
                        @IndexKey(index = "GSI1", role = KeyRole.SORT, template = "ORDER")
                        public record Order(String customerId, String orderId, long total) {}
                        """);
        assertThat(c.errors()).isEmpty();
        assertThat(c.success).isTrue();
    }

    @Test
    void badTemplates_areCompileErrors_namingTheProblem(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "Bad",
                        """
                        package tpl;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        @PartitionKey(template = "CUSTOMER#{custId}")
                        @SortKey(template = "ORDER{orderId}")
                        public record Bad(String customerId, String orderId) {}
                        """);
        assertThat(c.success).isFalse();
        assertThat(c.errors())
                .containsExactlyInAnyOrder(
                        "8: model tpl.Bad: @PartitionKey template 'CUSTOMER#{custId}' names unknown field "
                                + "'custId': fields are [customerId, orderId]",
                        "8: model tpl.Bad: @SortKey template 'ORDER{orderId}' has part 'ORDER{orderId}' mixing "
                                + "text and a field, so the key could not be parsed back unambiguously: a field "
                                + "must fill a whole '#'-separated part, as in 'ORDER#{orderId}'");
    }

    @Test
    void templateOnAField_isACompileError(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "OnField",
                        """
                        package tpl;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        public record OnField(
                                @PartitionKey(template = "A#{b}") String a, String b) {}
                        """);
        assertThat(c.errors())
                .containsExactly(
                        "7: model tpl.OnField: @PartitionKey on 'a' has a template, but a template computes the "
                                + "key from other fields: put the annotation on the type instead");
    }

    @Test
    void templateWithOrder_isACompileError_asTheEngineRefusesIt(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "Ordered",
                        """
                        package tpl;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("t")
                        @IndexKey(index = "by-region", template = "REGION#{region}", order = 1)
                        public record Ordered(@PartitionKey String id, String region) {}
                        """);
        assertThat(c.success).isFalse();
        assertThat(c.errors())
                .containsExactly(
                        "7: model tpl.Ordered: @IndexKey(index = \"by-region\") on the type has order = 1, "
                                + "but a key template and a multi-attribute key do not combine: a template "
                                + "computes one attribute from several fields, while a multi-attribute key "
                                + "stores each of its fields in its own attribute, which DynamoDB compares "
                                + "one by one. Either drop order and keep one template per key role, or drop "
                                + "the template and put @IndexKey(index = \"by-region\", order = n) on each "
                                + "field of the key");
    }
}
