package dev.dynamorm.engine.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.ConverterProvider;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.engine.internal.expr.Slot;
import dev.dynamorm.engine.internal.model.ConverterRegistry;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.ModelRegistry;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The query compiler: operation and index chosen, key condition and filter text, slots. */
final class QueryCompilerTest {

    @DynamoTable("orders")
    record Order(
            @PartitionKey String customerId,
            @SortKey String orderId,
            @IndexKey(index = "by-status") String status,
            long totalCents) {}

    private static final ModelMetadata<Order> MODEL =
            new ModelRegistry(
                            new ConverterRegistry(
                                    ServiceLoader.load(ConverterProvider.class).stream()
                                            .map(ServiceLoader.Provider::get)
                                            .map(ConverterProvider.class::cast)
                                            .toList()))
                    .metadata(Order.class);

    private static CompiledPlan compile(QuerySpec spec) {
        return QueryCompiler.compile(
                MODEL,
                spec,
                QueryCompiler.Mode.AUTO,
                QueryShape.shapeOf(spec, QueryCompiler.Mode.AUTO));
    }

    @Test
    void compile_partitionKeyAndFilter_isAQueryOnTheTable() {
        CompiledPlan plan =
                compile(
                        QuerySpec.EMPTY
                                .withTerm(Condition.when("customerId", "=", "c1"), false)
                                .withTerm(Condition.when("totalCents", ">", 100L), false));

        assertThat(plan.operation()).isEqualTo(Operation.QUERY);
        assertThat(plan.indexName()).isNull();
        assertThat(plan.keyCondition()).isEqualTo("#n0 = :v0");
        assertThat(plan.filter()).isEqualTo("#n1 > :v1");
        assertThat(plan.names()).isEqualTo(Map.of("#n0", "customerId", "#n1", "totalCents"));
        assertThat(plan.slots())
                .extracting(Slot::valueIndex, Slot::mode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, Slot.Mode.FIELD),
                        org.assertj.core.groups.Tuple.tuple(1, Slot.Mode.FIELD));
    }

    @Test
    void compile_eachExpression_knowsItsPlaceholdersAndTheAttributesItReads() {
        CompiledPlan plan =
                compile(
                        QuerySpec.EMPTY
                                .withTerm(Condition.when("customerId", "=", "c1"), false)
                                .withTerm(Condition.when("totalCents", ">", 100L), false)
                                .withSelect(java.util.List.of("status")));

        assertThat(plan.keyConditionExpression().names())
                .containsExactly(Map.entry("#n0", "customerId"));
        assertThat(plan.keyConditionExpression().slots()).containsOnlyKeys(":v0");
        assertThat(plan.keyConditionExpression().reads()).containsExactly("customerId");
        assertThat(plan.filterExpression().text()).isEqualTo("#n1 > :v1");
        assertThat(plan.filterExpression().names()).containsExactly(Map.entry("#n1", "totalCents"));
        assertThat(plan.filterExpression().slots()).containsOnlyKeys(":v1");
        assertThat(plan.filterExpression().reads()).containsExactly("totalCents");
        // the selected field, then the key a cursor carries
        assertThat(plan.projection()).isEqualTo("#n2, #n0, #n3");
        assertThat(plan.projected()).containsExactly("status", "customerId", "orderId");
        assertThat(plan.projectionExpression().names())
                .containsExactly(
                        Map.entry("#n2", "status"),
                        Map.entry("#n0", "customerId"),
                        Map.entry("#n3", "orderId"));
        // a request without the projection sends only the conditions' names
        assertThat(plan.namesSent(true, false)).containsOnlyKeys("#n0", "#n1");
        assertThat(plan.namesSent(false, true)).containsOnlyKeys("#n0", "#n2", "#n3");
    }

    @Test
    void compile_indexKey_choosesTheIndex() {
        CompiledPlan plan =
                compile(QuerySpec.EMPTY.withTerm(Condition.when("status", "=", "PAID"), false));

        assertThat(plan.operation()).isEqualTo(Operation.QUERY);
        assertThat(plan.indexName()).isEqualTo("by-status");
        assertThat(plan.keyCondition()).isEqualTo("#n0 = :v0");
    }

    @Test
    void compile_fullKey_isAGet() {
        CompiledPlan plan =
                compile(
                        QuerySpec.EMPTY
                                .withTerm(Condition.when("customerId", "=", "c1"), false)
                                .withTerm(Condition.when("orderId", "=", "o1"), false));

        assertThat(plan.operation()).isEqualTo(Operation.GET);
    }

    @Test
    void compile_noKey_needsAScan() {
        assertThatThrownBy(
                        () ->
                                compile(
                                        QuerySpec.EMPTY.withTerm(
                                                Condition.when("totalCents", ">", 5L), false)))
                .isInstanceOf(QueryRequiresScanException.class);
    }

    @Test
    void compile_containsOnNumberFilter_isRefused() {
        assertThatThrownBy(
                        () ->
                                compile(
                                        QuerySpec.EMPTY
                                                .withTerm(
                                                        Condition.when("customerId", "=", "c1"),
                                                        false)
                                                .withTerm(
                                                        Condition.when(
                                                                "totalCents", "CONTAINS", 5L),
                                                        true)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "CONTAINS needs a string, binary, set or list field, but 'totalCents' of model "
                                + Order.class.getName()
                                + " is long");
    }

    @Test
    void compile_consistentReadOnGlobalIndexKey_suggestsTableOrLocalIndexNotAScan() {
        assertThatThrownBy(
                        () ->
                                compile(
                                        QuerySpec.EMPTY
                                                .withTerm(
                                                        Condition.when("status", "=", "PAID"),
                                                        false)
                                                .withConsistentRead()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the conditions fit global secondary index")
                .hasMessageContaining("by-status")
                .hasMessageContaining(
                        "which DynamoDB reads eventually consistently only; drop consistentRead(),"
                                + " or bind the table's key (or a local index's) to read consistently")
                .hasMessageNotContaining("allowScan");
    }
}
