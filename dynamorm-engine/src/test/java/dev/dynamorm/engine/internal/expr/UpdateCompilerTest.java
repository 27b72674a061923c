package dev.dynamorm.engine.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ConverterProvider;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.engine.internal.model.ConverterRegistry;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.ModelRegistry;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The update compiler: clauses, placeholders, bound values and refused actions. */
final class UpdateCompilerTest {

    @DynamoTable("items")
    record Item(
            @PartitionKey String id,
            int qty,
            String name,
            Set<String> tags,
            List<String> notes,
            Map<String, Integer> stock,
            @Version long version) {}

    private static final ConverterRegistry CONVERTERS =
            new ConverterRegistry(
                    ServiceLoader.load(ConverterProvider.class).stream()
                            .map(ServiceLoader.Provider::get)
                            .map(ConverterProvider.class::cast)
                            .toList());
    private static final ModelMetadata<Item> MODEL =
            new ModelRegistry(CONVERTERS).metadata(Item.class);
    private static final UpdateCompiler COMPILER =
            new UpdateCompiler(MODEL, new ValueBinder(CONVERTERS));

    private static String compile(Consumer<DefaultUpdateBuilder> actions, ExpressionBuilder expr) {
        DefaultUpdateBuilder u = new DefaultUpdateBuilder();
        actions.accept(u);
        UpdateCompiler.Clauses clauses = COMPILER.clauses();
        for (DefaultUpdateBuilder.Action a : u.actions()) {
            COMPILER.compile(a, expr, clauses);
        }
        return clauses.render();
    }

    @Test
    void compile_setIncrementRemoveAndSetAdd_rendersEveryClause() {
        ExpressionBuilder expr = new ExpressionBuilder();
        String text =
                compile(
                        u ->
                                u.set("name", "bolt")
                                        .increment("qty", 5)
                                        .remove("notes")
                                        .add("tags", "red"),
                        expr);

        assertThat(text).startsWith("SET ").contains(" REMOVE ").contains(" ADD ");
        assertThat(expr.names())
                .containsEntry("#n0", "name")
                .containsValues("qty", "notes", "tags");
        assertThat(expr.values())
                .containsValue(AttributeValue.fromS("bolt"))
                .containsValue(AttributeValue.fromN("5"))
                .containsValue(AttributeValue.fromSs(List.of("red")));
    }

    @Test
    void compile_twoActionsOnOnePath_isRefused() {
        assertThatThrownBy(
                        () ->
                                compile(
                                        u -> u.set("qty", 1).increment("qty", 2),
                                        new ExpressionBuilder()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "update of model "
                                + Item.class.getName()
                                + " has two actions on the same path: 'qty' and 'qty'");
    }

    @Test
    void compile_incrementOfAString_isRefused() {
        assertThatThrownBy(() -> compile(u -> u.increment("name", 1), new ExpressionBuilder()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("needs a number field, but 'name' of model");
    }

    @Test
    void compile_writingTheVersion_isRefused() {
        assertThatThrownBy(() -> compile(u -> u.set("version", 3L), new ExpressionBuilder()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is the @Version counter");
    }

    @Test
    void compile_emptySetAdd_isRefused() {
        assertThatThrownBy(() -> compile(u -> u.add("tags", List.of()), new ExpressionBuilder()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "no members given for set 'tags' of model "
                                + Item.class.getName()
                                + ": DynamoDB has no empty sets");
    }

    @Test
    void compile_valuesGoThroughTheFieldConverter() {
        ExpressionBuilder expr = new ExpressionBuilder();
        compile(u -> u.set("qty", 7), expr);
        assertThat(expr.values()).isEqualTo(Map.of(":v0", AttributeValue.fromN("7")));
    }

    @Test
    void compile_valuesOfTheWrongElementType_areRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> compile(u -> u.add("tags", 5), new ExpressionBuilder()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'tags'")
                .hasMessageNotContaining("ClassCastException")
                .hasMessageNotContaining("cannot be cast");
        assertThatThrownBy(
                        () ->
                                compile(
                                        u -> u.set("stock", Map.of("ams", "many")),
                                        new ExpressionBuilder()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'stock'")
                .hasMessageNotContaining("ClassCastException")
                .hasMessageNotContaining("cannot be cast");
    }

    @Test
    void writes_listEveryActionsTopLevelAttribute_andOnlyPlainTopLevelSetsAsAssigned() {
        ExpressionBuilder expr = new ExpressionBuilder();
        DefaultUpdateBuilder u = new DefaultUpdateBuilder();
        u.set("name", "bolt")
                .setIfNotExists("qty", 1)
                .remove("notes")
                .add("tags", "red")
                .increment("stock.a", 2);
        UpdateCompiler.Clauses clauses = COMPILER.clauses();
        for (DefaultUpdateBuilder.Action a : u.actions()) {
            COMPILER.compile(a, expr, clauses);
        }

        UpdateWrites writes = clauses.writes();
        assertThat(writes.changed()).containsExactly("name", "qty", "notes", "tags", "stock");
        // the name's value placeholder; if_not_exists and nested paths are not plain assignments
        assertThat(writes.assigned()).containsOnlyKeys("name");
        assertThat(expr.values().get(writes.assigned().get("name")))
                .isEqualTo(AttributeValue.fromS("bolt"));
        assertThatThrownBy(() -> writes.changed().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void assign_addsThePlainSetAndRecordsIt() {
        UpdateCompiler.Clauses clauses = COMPILER.clauses();
        clauses.assign("name", "#n0", ":v0");
        clauses.claim(List.of("name"), "name");

        assertThat(clauses.render()).isEqualTo("SET #n0 = :v0");
        assertThat(clauses.writes())
                .isEqualTo(
                        UpdateWrites.of(
                                Set.of("name"), Map.of("name", ":v0"), "#n0 = :v0", "", "", ""));
        assertThat(UpdateWrites.NONE.changed()).isEmpty();
    }
}
