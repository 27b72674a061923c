package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ConverterProvider;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The registry with the providers the engine really uses: those found by ServiceLoader
 * (dynamorm-converters).
 */
final class BuiltInConvertersIntegrationTest {

    private static ModelRegistry registry() {
        List<ConverterProvider> discovered =
                ServiceLoader.load(ConverterProvider.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .map(ConverterProvider.class::cast)
                        .toList();
        assertThat(discovered).isNotEmpty();
        return new ModelRegistry(new ConverterRegistry(discovered));
    }

    record Money(BigDecimal amount, String currency) {}

    record Line(String sku, int quantity, Money price, Optional<String> note) {}

    record Category(String name, List<Category> children) {}

    @DynamoTable(value = "orders", naming = NamingConvention.SNAKE_CASE)
    record Order(
            @PartitionKey UUID orderId,
            @SortKey Instant placedAt,
            List<Line> lines,
            Map<String, Money> totals,
            Set<String> tags,
            Category category,
            @Ttl Instant expiresAt) {}

    @Test
    void roundTrip_withBuiltInConverters_handlesNestedRecordsInContainersAndRecursion() {
        ModelMetadata<Order> meta = registry().metadata(Order.class);
        Money ten = new Money(new BigDecimal("10.50"), "EUR");
        Order order =
                new Order(
                        UUID.fromString("00000000-0000-0000-0000-000000000001"),
                        Instant.parse("2024-05-01T10:00:00Z"),
                        List.of(
                                new Line("a", 2, ten, Optional.of("gift")),
                                new Line("b", 1, ten, Optional.empty())),
                        Map.of("net", ten),
                        Set.of("x"),
                        new Category("root", List.of(new Category("leaf", List.of()))),
                        Instant.ofEpochSecond(2_000_000_000L));

        Map<String, AttributeValue> item = meta.toItem(order);

        assertThat(item)
                .containsKeys(
                        "order_id",
                        "placed_at",
                        "lines",
                        "totals",
                        "tags",
                        "category",
                        "expires_at");
        assertThat(item.get("expires_at")).isEqualTo(AttributeValue.fromN("2000000000"));
        assertThat(item.get("lines").l().get(1).m()).doesNotContainKey("note");
        assertThat(meta.fromItem(item)).isEqualTo(order);
    }

    record Broken(Thread thread) {}

    @DynamoTable("t")
    record HasBroken(@PartitionKey String id, List<Broken> broken) {}

    @Test
    void metadata_noConverterInsideABuiltInContainer_namesTheFieldPath() {
        assertThatThrownBy(() -> registry().metadata(HasBroken.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + HasBroken.class.getName()
                                + ": HasBroken.broken.thread: no converter for "
                                + "java.lang.Thread (register a ConverterProvider for this type, or annotate the field with "
                                + "@Convert)");
    }
}
