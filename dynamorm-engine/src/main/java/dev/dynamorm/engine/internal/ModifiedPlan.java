package dev.dynamorm.engine.internal;

import dev.dynamorm.Operation;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.SortOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A {@link QueryPlan} with the query modifiers that shaped it. */
final class ModifiedPlan implements QueryPlan {

    private final QueryPlan plan;
    private final List<Modifier> modifiers;

    private ModifiedPlan(QueryPlan plan, List<Modifier> modifiers) {
        this.plan = plan;
        this.modifiers = List.copyOf(modifiers);
    }

    /** The plan itself when no modifier ran, else the plan naming them. */
    static QueryPlan of(QueryPlan plan, List<Modifier> modifiers) {
        return modifiers.isEmpty() ? plan : new ModifiedPlan(plan, modifiers);
    }

    @Override
    public Operation operation() {
        return plan.operation();
    }

    @Override
    public String tableName() {
        return plan.tableName();
    }

    @Override
    public Optional<String> indexName() {
        return plan.indexName();
    }

    @Override
    public Optional<String> keyCondition() {
        return plan.keyCondition();
    }

    @Override
    public Optional<String> filter() {
        return plan.filter();
    }

    @Override
    public Optional<String> projection() {
        return plan.projection();
    }

    @Override
    public Map<String, String> expressionNames() {
        return plan.expressionNames();
    }

    @Override
    public Map<String, AttributeValue> expressionValues() {
        return plan.expressionValues();
    }

    @Override
    public boolean consistentRead() {
        return plan.consistentRead();
    }

    @Override
    public SortOrder order() {
        return plan.order();
    }

    @Override
    public List<Candidate> candidates() {
        return plan.candidates();
    }

    @Override
    public String reason() {
        return plan.reason();
    }

    @Override
    public List<Modifier> modifiers() {
        return modifiers;
    }

    @Override
    public String describe(boolean withValues) {
        String text = plan.describe(withValues);
        int firstLine = text.indexOf('\n');
        String line =
                "\n  modifiers: "
                        + modifiers.stream()
                                .map(Modifier::toString)
                                .collect(Collectors.joining(", "));
        return firstLine < 0
                ? text + line
                : text.substring(0, firstLine) + line + text.substring(firstLine);
    }

    @Override
    public String toString() {
        return describe(false);
    }
}
