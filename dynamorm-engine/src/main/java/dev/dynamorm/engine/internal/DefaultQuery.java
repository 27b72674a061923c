package dev.dynamorm.engine.internal;

import dev.dynamorm.Condition;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Query;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An immutable query over a table's primary key: a GetItem when the full key is bound with
 * {@code =} and nothing else is asked, otherwise a Query whose key condition binds the partition
 * key with {@code =} and at most one sort-key condition; every other condition becomes a filter.
 */
final class DefaultQuery<T> implements Query<T> {

    private static final Set<Operator> SORT_KEY_OPERATORS = EnumSet.of(Operator.EQ, Operator.LT, Operator.LE,
            Operator.GT, Operator.GE, Operator.BETWEEN, Operator.BEGINS_WITH);

    private final DefaultTable<T> table;
    private final List<Condition.Comparison> conditions;

    DefaultQuery(DefaultTable<T> table, List<Condition.Comparison> conditions) {
        this.table = table;
        this.conditions = List.copyOf(conditions);
    }

    @Override
    public Query<T> where(String field, String operator, Object value) {
        List<Condition.Comparison> next = new ArrayList<>(conditions);
        next.add((Condition.Comparison) Condition.when(field, operator, value));
        return new DefaultQuery<>(table, next);
    }

    @Override
    public Optional<T> first() {
        Plan plan = plan();
        if (plan.getKey != null) {
            return table.getItem(plan.getKey);
        }
        List<T> found = run(plan, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<T> all() {
        Plan plan = plan();
        if (plan.getKey != null) {
            return table.getItem(plan.getKey).map(List::of).orElse(List.of());
        }
        return run(plan, Integer.MAX_VALUE);
    }

    private List<T> run(Plan plan, int wanted) {
        table.requireReadableForQuery(Operation.QUERY);
        ModelMetadata<T> model = table.model();
        List<T> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = plan.request.toBuilder().exclusiveStartKey(start).build();
            QueryResponse page = table.context().executor().run(table.event(Operation.QUERY, null),
                    () -> table.context().client().query(request), e -> table.map(e, Operation.QUERY));
            for (Map<String, AttributeValue> item : page.items()) {
                out.add(model.fromItem(item));
                if (out.size() >= wanted) {
                    return out;
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private Plan plan() {
        ModelMetadata<T> model = table.model();
        FieldMetadata pk = model.partitionKey();
        Optional<FieldMetadata> sk = model.sortKey();
        Condition.Comparison pkCondition = null;
        Condition.Comparison skCondition = null;
        List<Condition.Comparison> filters = new ArrayList<>();
        for (Condition.Comparison c : conditions) {
            // validates the path (unknown fields fail here, with a suggestion)
            AttributePath.resolve(model, c.field(), Operation.QUERY);
            if (pkCondition == null && c.field().equals(pk.name()) && c.operator() == Operator.EQ) {
                pkCondition = c;
            } else if (skCondition == null && sk.isPresent() && c.field().equals(sk.get().name())
                    && SORT_KEY_OPERATORS.contains(c.operator())) {
                skCondition = c;
            } else {
                filters.add(c);
            }
        }
        if (pkCondition == null) {
            throw requiresScan(model);
        }
        ExpressionBuilder expr = new ExpressionBuilder();
        if (filters.isEmpty() && (sk.isEmpty() || skCondition != null && skCondition.operator() == Operator.EQ)) {
            Map<String, AttributeValue> key = new HashMap<>(4);
            key.put(pk.attributeName(), table.context().values().bind(model.type(), Operation.GET, pk.name(), pk,
                    pkCondition.values().get(0)));
            if (skCondition != null) {
                FieldMetadata s = sk.get();
                key.put(s.attributeName(), table.context().values().bind(model.type(), Operation.GET, s.name(), s,
                        skCondition.values().get(0)));
            }
            return new Plan(key, null);
        }
        ConditionCompiler compiler = table.context().conditions();
        String keyCondition = compiler.compile(model, pkCondition, expr, Operation.QUERY);
        if (skCondition != null) {
            keyCondition += " AND " + compiler.compile(model, skCondition, expr, Operation.QUERY);
        }
        String filter = null;
        if (!filters.isEmpty()) {
            Condition all = filters.size() == 1 ? filters.get(0) : new Condition.And(new ArrayList<>(filters));
            filter = compiler.compile(model, all, expr, Operation.QUERY);
        }
        table.debug(Operation.QUERY, keyCondition + (filter == null ? "" : " FILTER " + filter), expr);
        QueryRequest request = QueryRequest.builder().tableName(table.tableName()).keyConditionExpression(keyCondition)
                .filterExpression(filter).expressionAttributeNames(expr.names())
                .expressionAttributeValues(expr.values()).build();
        return new Plan(null, request);
    }

    private QueryRequiresScanException requiresScan(ModelMetadata<T> model) {
        List<String> given = new ArrayList<>();
        for (Condition.Comparison c : conditions) {
            given.add(c.field() + " " + c.operator().symbol());
        }
        List<String> keys = new ArrayList<>();
        keys.add("table: " + model.partitionKey().name() + model.sortKey().map(s -> " + " + s.name()).orElse(""));
        for (IndexMetadata index : model.indexes()) {
            keys.add(index.name() + ": " + index.partitionKey().name()
                    + index.sortKey().map(s -> " + " + s.name()).orElse(""));
        }
        return new QueryRequiresScanException(String.format(Locale.ROOT,
                "query on model %s needs a partition key bound with '=', but the conditions are %s; keys that can "
                        + "serve a query: %s", model.type().getName(), given, keys), model.type());
    }

    /** Either a GetItem key or a Query request. */
    private record Plan(Map<String, AttributeValue> getKey, QueryRequest request) {
    }
}
