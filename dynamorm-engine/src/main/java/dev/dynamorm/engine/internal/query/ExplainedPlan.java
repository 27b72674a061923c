package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.SortOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A {@link QueryPlan}: a compiled plan with its values bound. */
final class ExplainedPlan implements QueryPlan {

    private final CompiledPlan plan;
    private final String tableName;
    private final Map<String, AttributeValue> values;

    ExplainedPlan(CompiledPlan plan, String tableName, Map<String, AttributeValue> values) {
        this.plan = plan;
        this.tableName = tableName;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public Operation operation() {
        return plan.operation();
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public Optional<String> indexName() {
        return Optional.ofNullable(plan.indexName());
    }

    @Override
    public Optional<String> keyCondition() {
        return Optional.ofNullable(plan.keyCondition());
    }

    @Override
    public Optional<String> filter() {
        return Optional.ofNullable(plan.filter());
    }

    @Override
    public Optional<String> projection() {
        return Optional.ofNullable(plan.projection());
    }

    @Override
    public Map<String, String> expressionNames() {
        return plan.names();
    }

    @Override
    public Map<String, AttributeValue> expressionValues() {
        return values;
    }

    @Override
    public boolean consistentRead() {
        return plan.consistent();
    }

    @Override
    public SortOrder order() {
        return plan.forward() ? SortOrder.ASC : SortOrder.DESC;
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
    public String describe(boolean withValues) {
        StringBuilder out = new StringBuilder();
        out.append(plan.operation()).append(" on table '").append(tableName).append('\'');
        if (plan.index() != null) {
            out.append(" index '")
                    .append(plan.index().name())
                    .append("' (")
                    .append(plan.index().global() ? "global" : "local")
                    .append(')');
        }
        if (plan.operation() == Operation.QUERY) {
            out.append(", ").append(order());
        }
        out.append(plan.consistent() ? ", consistent read" : ", eventually consistent read");
        line(out, "key condition", plan.keyCondition());
        line(out, "filter", plan.filter());
        line(out, "projection", plan.projection());
        if (plan.select() != null) {
            line(out, "select", plan.select());
        }
        line(out, "names", plan.names().toString());
        line(out, "values", withValues ? values.toString() : redacted(values));
        line(out, "chosen", plan.reason());
        out.append("\n  candidates:");
        for (Candidate c : plan.candidates()) {
            out.append("\n    ").append(c);
        }
        return out.toString();
    }

    static String redacted(Map<String, AttributeValue> values) {
        return values.isEmpty() ? "{}" : values.keySet() + "=<redacted>";
    }

    private static void line(StringBuilder out, String label, String text) {
        if (text != null) {
            out.append("\n  ").append(label).append(": ").append(text);
        }
    }

    @Override
    public String toString() {
        return describe(false);
    }
}
