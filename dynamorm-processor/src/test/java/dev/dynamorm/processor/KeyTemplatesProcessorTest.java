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
}
