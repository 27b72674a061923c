package dev.dynamorm.engine.internal;

import dev.dynamorm.Query;
import dev.dynamorm.QueryModifier;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.engine.internal.plugin.ModifierSource;
import dev.dynamorm.engine.internal.query.QuerySpec;
import dev.dynamorm.engine.internal.query.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a query's modifiers, the chain of responsibility of {@link QueryModifier}: the plugins'
 * modifiers of the model first, then the query's own. Each modifier amends a copy of the query
 * without any conditions; the conditions it adds are appended to those before it, so no modifier
 * can drop or widen another's.
 */
final class ModifierChain {

    /** How deep modifiers may apply modifiers ({@code q.with(other)} inside a modifier). */
    static final int MAX_DEPTH = 8;

    /**
     * The query to run and the modifiers that shaped it.
     *
     * @param spec the query with every modifier applied
     * @param applied the modifiers, in the order they ran
     */
    record Applied(QuerySpec spec, List<QueryPlan.Modifier> applied) {}

    private ModifierChain() {}

    static <T> Applied apply(DefaultTable<T> table, QuerySpec spec, List<QueryModifier<T>> own) {
        List<ModifierSource.Registered<T>> registered = table.pluginModifiers();
        if (registered.isEmpty() && own.isEmpty()) {
            return new Applied(spec, List.of());
        }
        List<QueryPlan.Modifier> applied = new ArrayList<>();
        QuerySpec current = spec;
        for (ModifierSource.Registered<T> r : registered) {
            current = applyOne(table, current, r.modifier(), Optional.of(r.plugin()), applied, 0);
        }
        for (QueryModifier<T> m : own) {
            current = applyOne(table, current, m, Optional.empty(), applied, 0);
        }
        return new Applied(current, List.copyOf(applied));
    }

    private static <T> QuerySpec applyOne(
            DefaultTable<T> table,
            QuerySpec current,
            QueryModifier<T> modifier,
            Optional<String> plugin,
            List<QueryPlan.Modifier> applied,
            int depth) {
        String name = modifier.name();
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "query modifier '%s' of model %s is nested more than %d deep: a"
                                    + " modifier applies itself through with(..)?",
                            name,
                            table.modelType().getName(),
                            MAX_DEPTH));
        }
        DefaultQuery<T> view = DefaultQuery.applying(table, withTerms(current, List.of()));
        Query<T> out = modifier.apply(view);
        if (!(out instanceof DefaultQuery<T> amended) || !amended.derivedFrom(view)) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "query modifier '%s' of model %s returned %s; it must return the query"
                                    + " it was given, amended (e.g. q -> q.filter(..))",
                            name,
                            table.modelType().getName(),
                            out == null ? "null" : "another query"));
        }
        applied.add(new QueryPlan.Modifier(name, plugin));
        List<Term> terms = new ArrayList<>(current.terms());
        terms.addAll(amended.spec().terms());
        QuerySpec next = withTerms(amended.spec(), terms);
        for (QueryModifier<T> nested : amended.modifiers()) {
            next = applyOne(table, next, nested, plugin, applied, depth + 1);
        }
        return next;
    }

    private static QuerySpec withTerms(QuerySpec s, List<Term> terms) {
        return new QuerySpec(
                terms,
                s.select(),
                s.order(),
                s.orderField(),
                s.limit(),
                s.consistent(),
                s.index(),
                s.cursor(),
                s.allowScan(),
                s.scorer());
    }
}
