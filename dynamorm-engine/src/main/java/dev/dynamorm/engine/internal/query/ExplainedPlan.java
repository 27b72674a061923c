package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.SortOrder;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.engine.internal.model.UniqueKeys;
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

    /** The filter, names and projection as sent, with what the edge adds to the plan's. */
    private final String filter;

    private final Map<String, String> names;
    private final String projection;

    /**
     * A plan as it is sent: an entity family member's filter on its discriminator, the
     * discriminator read by projections and the scan filter that leaves out the sentinels of
     * {@code @Unique} values are added as {@code PageReader} adds them.
     */
    ExplainedPlan(
            CompiledPlan plan,
            String tableName,
            Map<String, AttributeValue> values,
            ModelMetadata<?> model) {
        this.plan = plan;
        this.tableName = tableName;
        String f = plan.filter();
        Map<String, String> n = plan.names();
        Map<String, AttributeValue> v = values;
        String proj = plan.projection();
        boolean read = plan.operation() == Operation.QUERY || plan.operation() == Operation.SCAN;
        Discriminators family = Discriminators.of(model);
        if (family != null) {
            proj = family.projection(proj, plan.projected());
            if (read) {
                f = family.filter(f);
            }
            n = family.names(n, f, proj);
            v = family.values(v, f);
        }
        if (plan.operation() == Operation.SCAN && !UniqueKeys.fields(model).isEmpty()) {
            f = PageReader.sentinelFilter(f);
            n = new LinkedHashMap<>(n == null ? Map.of() : n);
            n.put(PageReader.SENTINEL_NAME, model.partitionKey().attributeName());
            v = new LinkedHashMap<>(v == null ? Map.of() : v);
            v.put(PageReader.SENTINEL_VALUE, AttributeValue.fromS(UniqueKeys.PREFIX));
        }
        this.filter = f;
        this.names = n == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(n));
        this.projection = proj;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(v == null ? Map.of() : v));
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
        return Optional.ofNullable(filter);
    }

    @Override
    public Optional<String> projection() {
        return Optional.ofNullable(projection);
    }

    @Override
    public Map<String, String> expressionNames() {
        return names;
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
        line(out, "filter", filter);
        line(out, "projection", projection);
        if (plan.select() != null) {
            line(out, "select", plan.select());
        }
        line(out, "names", names.toString());
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
