package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.spi.schema.ModelSchema;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entity families (a {@code @DynamoTable} sealed interface) at compile time. */
final class EntityFamiliesProcessorTest {

    @Test
    void family_generatesOneSchemaPerMember_withTheFamilysTable(@TempDir Path dir)
            throws Exception {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        Map.of(
                                "shop/Shop.java",
                                """
                                package shop;

                                import dev.dynamorm.annotations.*;

                                @DynamoTable(value = "shop", discriminator = "kind")
                                public sealed interface Shop permits Customer, Order {}
                                """,
                                "shop/Customer.java",
                                """
                                package shop;

                                import dev.dynamorm.annotations.*;

                                public record Customer(@PartitionKey String pk, @SortKey String sk, String name)
                                        implements Shop {}
                                """,
                                "shop/Order.java",
                                """
                                package shop;

                                import dev.dynamorm.annotations.*;

                                @Discriminator("ORDER")
                                public record Order(@PartitionKey String pk, @SortKey String sk, long cents)
                                        implements Shop {}
                                """));
        assertThat(c.errors()).isEmpty();
        assertThat(c.generatedFiles())
                .containsExactly(
                        "shop/Customer_.java", "shop/DynamORM_Schemas.java", "shop/Order_.java");
        try (URLClassLoader loader = c.loader()) {
            ModelSchema<?> order =
                    (ModelSchema<?>) loader.loadClass("shop.Order_").getField("SCHEMA").get(null);
            assertThat(order.tableName()).isEqualTo(Optional.of("shop"));
            assertThat(order.fields()).hasSize(3);
        }
    }

    @Test
    void annotatedInterface_notSealed_staysAnInvalidModel(@TempDir Path dir) {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        Map.of(
                                "bad/Loose.java",
                                """
                                package bad;

                                import dev.dynamorm.annotations.*;

                                @DynamoTable("t")
                                public interface Loose {}
                                """));
        assertThat(c.errors())
                .containsExactly(
                        "6: model bad.Loose is an interface: a model must be a record, or a concrete class "
                                + "with a public no-argument constructor and getters and setters");
    }

    @Test
    void family_sharedDiscriminatorValue_isACompileError_onTheSecondMember(@TempDir Path dir) {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        Map.of(
                                "bad/Twins.java",
                                """
                                package bad;

                                import dev.dynamorm.annotations.*;

                                @DynamoTable("t")
                                public sealed interface Twins permits Twins.A, Twins.B {
                                    @Discriminator("X")
                                    record A(@PartitionKey String id) implements Twins {}

                                    @Discriminator("X")
                                    record B(@PartitionKey String id) implements Twins {}
                                }
                                """));
        assertThat(c.errors())
                .containsExactly(
                        "11: members bad.Twins.A and bad.Twins.B of entity family bad.Twins share the "
                                + "discriminator value 'X': give one of them another with @Discriminator(\"...\")");
    }
}
