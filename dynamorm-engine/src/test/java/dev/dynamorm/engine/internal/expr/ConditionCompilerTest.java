package dev.dynamorm.engine.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.ConverterProvider;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.engine.internal.model.ConverterRegistry;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one condition compiler: text, placeholders, bound values and its type rules. */
final class ConditionCompilerTest {

    @DynamoTable("items")
    record Item(
            @PartitionKey String id, int qty, String name, Set<String> tags, List<String> notes) {}

    private static final ConverterRegistry CONVERTERS =
            new ConverterRegistry(
                    ServiceLoader.load(ConverterProvider.class).stream()
                            .map(ServiceLoader.Provider::get)
                            .map(ConverterProvider.class::cast)
                            .toList());
    private static final ModelMetadata<Item> MODEL =
            new ModelRegistry(CONVERTERS).metadata(Item.class);
    private static final ConditionCompiler COMPILER =
            new ConditionCompiler(new ValueBinder(CONVERTERS));

    @Test
    void compile_comparisonAndTree_rendersPlaceholdersAndBindsValues() {
        ExpressionBuilder expr = new ExpressionBuilder();
        String text =
                COMPILER.compile(
                        MODEL,
                        Condition.when("qty", ">", 3)
                                .and(
                                        Condition.when("name", "BEGINS_WITH", "ab")
                                                .or(Condition.notExists("tags"))),
                        expr,
                        Operation.PUT);

        assertThat(text)
                .isEqualTo(
                        "(#n0 > :v0) AND ((begins_with(#n1, :v1)) OR (attribute_not_exists(#n2)))");
        assertThat(expr.names()).isEqualTo(Map.of("#n0", "qty", "#n1", "name", "#n2", "tags"));
        assertThat(expr.values())
                .isEqualTo(
                        Map.of(
                                ":v0", AttributeValue.fromN("3"),
                                ":v1", AttributeValue.fromS("ab")));
    }

    @Test
    void compile_containsOnSetAndString_bindsElementAndSubstring() {
        ExpressionBuilder expr = new ExpressionBuilder();
        String text =
                COMPILER.compile(
                        MODEL,
                        Condition.when("tags", "CONTAINS", "red")
                                .and(Condition.when("name", "NOT_CONTAINS", "x")),
                        expr,
                        Operation.UPDATE);

        assertThat(text).isEqualTo("(contains(#n0, :v0)) AND (NOT contains(#n1, :v1))");
        assertThat(expr.values().get(":v0")).isEqualTo(AttributeValue.fromS("red"));
        assertThat(expr.values().get(":v1")).isEqualTo(AttributeValue.fromS("x"));
    }

    @Test
    void compile_containsOnNumberField_isRefused() {
        assertThatThrownBy(
                        () ->
                                COMPILER.compile(
                                        MODEL,
                                        Condition.when("qty", "CONTAINS", 5),
                                        new ExpressionBuilder(),
                                        Operation.PUT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "CONTAINS needs a string, binary, set or list field, but 'qty' of model "
                                + Item.class.getName()
                                + " is int");
    }

    @Test
    void compile_betweenWithLowAboveHigh_isRefused() {
        assertThatThrownBy(
                        () ->
                                COMPILER.compile(
                                        MODEL,
                                        Condition.when("qty", Operator.BETWEEN, List.of(9, 2)),
                                        new ExpressionBuilder(),
                                        Operation.DELETE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "BETWEEN on field 'qty' of model "
                                + Item.class.getName()
                                + " has low 9 greater than high 2");
    }

    @Test
    void compile_sizeOnNumberField_isRefused() {
        assertThatThrownBy(
                        () ->
                                COMPILER.compile(
                                        MODEL,
                                        Condition.size("qty", Operator.GT, 1),
                                        new ExpressionBuilder(),
                                        Operation.PUT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("SIZE needs a string, binary, set, list or map field");
    }

    @Test
    void render_forAPlan_recordsSlotsInValueOrderWithoutBinding() {
        List<Slot> slots = new ArrayList<>();
        Placeholders plan =
                new Placeholders() {
                    @Override
                    public String name(String attributeName) {
                        return "#" + attributeName;
                    }

                    @Override
                    public String value(Slot slot, Object value) {
                        slots.add(slot);
                        return ":s" + slot.valueIndex();
                    }
                };
        int[] next = {4};
        String text =
                ConditionCompiler.render(
                        MODEL,
                        Condition.when("qty", Operator.BETWEEN, List.of(1, 2))
                                .and(Condition.size("notes", Operator.GE, 1))
                                .and(Condition.when("notes[0]", "=", "first")),
                        Operation.QUERY,
                        plan,
                        next);

        assertThat(text)
                .isEqualTo(
                        "(#qty BETWEEN :s4 AND :s5) AND (size(#notes) >= :s6) AND (#notes[0] = :s7)");
        assertThat(next[0]).isEqualTo(8);
        assertThat(slots)
                .extracting(Slot::mode)
                .containsExactly(
                        Slot.Mode.FIELD, Slot.Mode.FIELD, Slot.Mode.SIZE, Slot.Mode.ELEMENT);
        assertThat(slots).extracting(Slot::rangeHigh).containsExactly(false, true, false, false);
    }
}
