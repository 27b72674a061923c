package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Condition;
import dev.dynamorm.IndexScorer;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.SortOrder;
import dev.dynamorm.engine.internal.expr.AttributePath;
import dev.dynamorm.engine.internal.expr.ConditionCompiler;
import dev.dynamorm.engine.internal.expr.Expression;
import dev.dynamorm.engine.internal.expr.Slot;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Compiles a {@link QuerySpec} into a {@link CompiledPlan}: resolves every field path (unknown
 * fields fail with a suggestion), matches the conditions against the key of the table and of every
 * index, asks the {@link IndexScorer} to score the paths that can serve the query, and renders the
 * key condition, filter and projection with {@code #nK}/{@code :vK} placeholders only. Values are
 * not bound here: each {@link Slot} says where its value comes from.
 */
final class QueryCompiler {

    static final String GSI_NOT_CONSISTENT =
            "global secondary indexes do not support consistent reads";

    /** What the terminal call asks for. */
    enum Mode {
        /** Choose GetItem, Query or (if allowed) Scan. */
        AUTO,
        /** Always a Scan. */
        SCAN
    }

    /** DynamoDB's limit on the operands of IN. */
    static final int MAX_IN_VALUES = ConditionCompiler.MAX_IN_VALUES;

    static final Set<Operator> KEY_OPERATORS =
            EnumSet.of(
                    Operator.EQ,
                    Operator.LT,
                    Operator.LE,
                    Operator.GT,
                    Operator.GE,
                    Operator.BETWEEN,
                    Operator.BEGINS_WITH);

    private final ModelMetadata<?> model;
    private final QuerySpec spec;
    private final Mode mode;
    private final Operation op;
    private final Class<?> type;
    private final PathReasons reasons;
    private final IndexProjections projections;

    private QueryCompiler(ModelMetadata<?> model, QuerySpec spec, Mode mode) {
        this.model = model;
        this.spec = spec;
        this.mode = mode;
        this.op = mode == Mode.SCAN ? Operation.SCAN : Operation.QUERY;
        this.type = model.type();
        this.reasons = new PathReasons(model, spec, op);
        this.projections = new IndexProjections(model);
    }

    // ---- compilation ----

    /**
     * Compiles a query.
     *
     * @throws dev.dynamorm.UnknownFieldException for an unknown field
     * @throws QueryRequiresScanException when no key can serve the query and no scan is allowed
     * @throws InvalidRequestException for any other invalid query
     */
    static CompiledPlan compile(ModelMetadata<?> model, QuerySpec spec, Mode mode, String shape) {
        return new QueryCompiler(model, spec, mode).compile(shape);
    }

    private CompiledPlan compile(String shape) {
        List<TermInfo> terms = new ArrayList<>();
        int base = 0;
        for (int i = 0; i < spec.terms().size(); i++) {
            Term t = spec.terms().get(i);
            Set<String> attributes = new LinkedHashSet<>();
            collectAttributes(t.condition(), attributes);
            FieldMetadata keyField = null;
            Condition.Comparison keyComparison = null;
            if (!t.filterOnly() && t.condition() instanceof Condition.Comparison c) {
                AttributePath path = AttributePath.resolve(model, c.field(), op);
                if (path.segments().size() == 1 && !path.indexed()) {
                    keyField = path.leaf();
                    keyComparison = c;
                }
            }
            terms.add(new TermInfo(i, t, base, attributes, keyField, keyComparison));
            base += QueryShape.valueCount(t.condition());
        }
        List<AttributePath> selected = new ArrayList<>();
        for (String s : spec.select()) {
            AttributePath path = AttributePath.resolve(model, s, op);
            if (path.encrypted(model) && (!path.isTopLevel() || path.indexed())) {
                throw invalid(
                        "select(\"%s\") on model %s reads into an @Encrypted field, whose stored value is "
                                + "ciphertext: select the whole field",
                        s, type.getName());
            }
            selected.add(path);
        }
        if (spec.orderField() != null) {
            FieldMetadata f = model.field(spec.orderField());
            if (f == null) {
                AttributePath.resolve(model, spec.orderField(), op);
            }
            boolean sortKey =
                    model.sortKey().map(s -> s.name().equals(spec.orderField())).orElse(false)
                            || model.indexes().stream()
                                    .anyMatch(
                                            i ->
                                                    i.sortKey()
                                                            .map(
                                                                    s ->
                                                                            s.name()
                                                                                    .equals(
                                                                                            spec
                                                                                                    .orderField()))
                                                            .orElse(false));
            if (!sortKey) {
                throw invalid(
                        "orderBy('%s') on model %s: results can only be ordered by a sort key (of the table "
                                + "or an index), and '%s' is none; sort keys are %s",
                        spec.orderField(), type.getName(), spec.orderField(), sortKeys());
            }
        }
        boolean forcedTable = Query.TABLE.equals(spec.index());
        IndexMetadata forced = null;
        if (spec.index() != null && !forcedTable) {
            forced =
                    model.indexes().stream()
                            .filter(i -> i.name().equals(spec.index()))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            invalid(
                                                    "model %s has no index '%s'; its indexes are %s (or Query.TABLE for "
                                                            + "the table's own key)",
                                                    type.getName(),
                                                    spec.index(),
                                                    model.indexes().stream()
                                                            .map(IndexMetadata::name)
                                                            .toList()));
        }
        if (mode == Mode.SCAN) {
            return scanPlan(terms, selected, forced, List.of(), "scan() asked for a scan", shape);
        }

        List<PathCandidate> candidates = new ArrayList<>();
        candidates.add(evaluate(null, terms, selected, 0));
        for (int i = 0; i < model.indexes().size(); i++) {
            candidates.add(evaluate(model.indexes().get(i), terms, selected, i + 1));
        }
        for (PathCandidate c : candidates) {
            if (spec.index() != null && c.unusable == null) {
                boolean asked = forcedTable ? c.index == null : c.index == forced;
                if (!asked) {
                    c.unusable = "not the path asked for with index('" + spec.index() + "')";
                }
            }
            if (c.unusable == null) {
                c.defaultScore = DefaultScorer.INSTANCE.score(c);
                OptionalInt score = spec.scorer() == null ? c.defaultScore : spec.scorer().score(c);
                c.score = score == null ? OptionalInt.empty() : score;
                if (c.score.isEmpty()) {
                    c.unusable = "declined by the index scorer";
                }
            }
        }
        PathCandidate winner = null;
        for (PathCandidate c : candidates) {
            if (c.unusable != null) {
                continue;
            }
            if (winner == null
                    || c.score.getAsInt() > winner.score.getAsInt()
                    || (c.score.getAsInt() == winner.score.getAsInt()
                            && c.rank() < winner.rank())) {
                winner = c;
            }
        }
        if (winner == null) {
            if (spec.allowScan()) {
                return scanPlan(
                        terms,
                        selected,
                        forced,
                        candidates,
                        "no key can serve the query; allowScan() permits a scan",
                        shape);
            }
            throw reasons.noPath(terms, candidates, forced, forcedTable);
        }
        String reason = reasons.reason(winner, candidates);
        return queryPlan(winner, selected, candidates, reason, shape);
    }

    private void collectAttributes(Condition c, Set<String> out) {
        if (c instanceof Condition.Comparison cmp) {
            out.add(AttributePath.resolve(model, cmp.field(), op).segments().get(0));
        } else if (c instanceof Condition.Size s) {
            out.add(AttributePath.resolve(model, s.field(), op).segments().get(0));
        } else if (c instanceof Condition.AttributeType at) {
            out.add(AttributePath.resolve(model, at.field(), op).segments().get(0));
        } else if (c instanceof Condition.And and) {
            and.conditions().forEach(p -> collectAttributes(p, out));
        } else if (c instanceof Condition.Or or) {
            or.conditions().forEach(p -> collectAttributes(p, out));
        } else {
            collectAttributes(((Condition.Not) c).condition(), out);
        }
    }

    // ---- candidates ----

    private PathCandidate evaluate(
            IndexMetadata index, List<TermInfo> terms, List<AttributePath> selected, int position) {
        PathCandidate c = new PathCandidate(model, index, position);
        if (index != null && index.multiAttribute()) {
            if (!CompositeKeyBinding.bind(c, terms)) {
                return c;
            }
        } else if (!SingleKeyBinding.bind(c, terms)) {
            return c;
        }
        if (c.unusable == null
                && spec.orderField() != null
                && c.sk.map(s -> !s.name().equals(spec.orderField())).orElse(true)) {
            c.unusable = "not sorted by '" + spec.orderField() + "'";
        }
        if (c.unusable == null && spec.consistent() && c.global()) {
            c.unusable = GSI_NOT_CONSISTENT;
        }
        if (c.unusable == null && index != null) {
            Set<String> needed = projections.needed(selected, c.filters);
            List<String> missing = new ArrayList<>();
            Set<String> projected = projections.projected(index);
            for (String attr : needed) {
                if (projected != null && !projected.contains(attr)) {
                    missing.add(attr);
                }
            }
            c.covers = missing.isEmpty();
            c.missing = missing;
            if (!c.covers && index.global()) {
                c.unusable =
                        String.format(
                                Locale.ROOT,
                                "index projects %s, not %s that the query reads; select(..) "
                                        + "only projected fields or widen the index projection",
                                projections.describeProjection(index),
                                projections.fieldNames(missing));
            }
        }
        return c;
    }

    private List<String> sortKeys() {
        List<String> out = new ArrayList<>();
        model.sortKey().ifPresent(s -> out.add(s.name()));
        for (IndexMetadata i : model.indexes()) {
            i.sortKey()
                    .ifPresent(
                            s -> {
                                if (!out.contains(s.name())) {
                                    out.add(s.name());
                                }
                            });
        }
        return out;
    }

    // ---- plans ----

    private CompiledPlan queryPlan(
            PathCandidate winner,
            List<AttributePath> selected,
            List<PathCandidate> candidates,
            String reason,
            String shape) {
        PlanPlaceholders expr = new PlanPlaceholders();
        StringBuilder key = new StringBuilder(render(winner.pkTerm, expr));
        for (TermInfo t : winner.keyEqualities) {
            key.append(" AND ").append(render(t, expr));
        }
        if (winner.skOperator != null) {
            key.append(" AND ");
            if (winner.skTerms.size() == 2) {
                boolean lowFirst = winner.skTerms.get(0).keyComparison().operator() == Operator.GE;
                TermInfo low = winner.skTerms.get(lowFirst ? 0 : 1);
                TermInfo high = winner.skTerms.get(lowFirst ? 1 : 0);
                FieldMetadata f = winner.skField();
                key.append(expr.attribute(f.attributeName()))
                        .append(" BETWEEN ")
                        .append(
                                expr.value(
                                        new Slot(
                                                low.valueBase(),
                                                Slot.Mode.FIELD,
                                                f,
                                                f.name(),
                                                false),
                                        null))
                        .append(" AND ")
                        .append(
                                expr.value(
                                        new Slot(
                                                high.valueBase(),
                                                Slot.Mode.FIELD,
                                                f,
                                                f.name(),
                                                true),
                                        null));
            } else {
                key.append(render(winner.skTerms.get(0), expr));
            }
        }
        Expression keyCondition = expr.finish(key.toString());
        int keySlots = expr.slots().size();
        boolean get =
                winner.index == null
                        && winner.filters.isEmpty()
                        && (winner.sk.isEmpty()
                                || (winner.skOperator == Operator.EQ
                                        && winner.skTerms.size() == 1));
        Expression filter = expr.finish(filter(winner.filters, expr));
        List<String> cursorKey = projections.cursorKey(winner.index);
        Expression projection = expr.finish(projection(selected, cursorKey, expr));
        List<QueryPlan.Candidate> explained = reasons.explainCandidates(candidates, winner);
        if (get) {
            Map<String, Integer> getKey = new LinkedHashMap<>();
            getKey.put(winner.pk.attributeName(), 0);
            winner.sk.ifPresent(s -> getKey.put(s.attributeName(), 1));
            return new CompiledPlan(
                    Operation.GET,
                    null,
                    keyCondition,
                    null,
                    projection,
                    expr.names(),
                    expr.slots(),
                    keySlots,
                    getKey,
                    null,
                    true,
                    spec.consistent(),
                    cursorKey,
                    explained,
                    reason + "; the full primary key is bound with '=', so a GetItem",
                    shape,
                    false);
        }
        String select = null;
        if (projection == null
                && winner.index != null
                && !winner.index.global()
                && !winner.covers) {
            select = "ALL_ATTRIBUTES";
        }
        return new CompiledPlan(
                Operation.QUERY,
                winner.index,
                keyCondition,
                filter,
                projection,
                expr.names(),
                expr.slots(),
                keySlots,
                Map.of(),
                select,
                spec.order() == SortOrder.ASC,
                spec.consistent(),
                cursorKey,
                explained,
                reason,
                shape,
                false);
    }

    private CompiledPlan scanPlan(
            List<TermInfo> terms,
            List<AttributePath> selected,
            IndexMetadata index,
            List<PathCandidate> candidates,
            String reason,
            String shape) {
        if (spec.order() == SortOrder.DESC || spec.orderField() != null) {
            throw invalid(
                    "query on model %s would be a scan, which returns items in no particular order: drop "
                            + "orderBy(..) or bind a partition key with '='",
                    type.getName());
        }
        if (index != null && index.global() && spec.consistent()) {
            throw invalid(
                    "consistentRead() on global secondary index '%s' of model %s: DynamoDB reads global "
                            + "indexes eventually consistently only; drop consistentRead() or scan the table",
                    index.name(), type.getName());
        }
        boolean covers = true;
        if (index != null) {
            Set<String> projected = projections.projected(index);
            List<String> missing = new ArrayList<>();
            for (String a : projections.needed(selected, terms)) {
                if (projected != null && !projected.contains(a)) {
                    missing.add(a);
                }
            }
            covers = missing.isEmpty();
            if (!covers && index.global()) {
                throw invalid(
                        "index '%s' of model %s projects %s, not %s that the scan reads; select(..) only "
                                + "projected fields or widen the index projection",
                        index.name(),
                        type.getName(),
                        projections.describeProjection(index),
                        projections.fieldNames(missing));
            }
        }
        PlanPlaceholders expr = new PlanPlaceholders();
        Expression filter = expr.finish(filter(terms, expr));
        List<String> cursorKey = projections.cursorKey(index);
        Expression projection = expr.finish(projection(selected, cursorKey, expr));
        String select =
                projection == null && index != null && !index.global() && !covers
                        ? "ALL_ATTRIBUTES"
                        : null;
        List<QueryPlan.Candidate> explained = new ArrayList<>();
        explained.add(
                new QueryPlan.Candidate(
                        index == null ? "table" : index.name(),
                        index == null ? "table" : index.global() ? "gsi" : "lsi",
                        OptionalInt.empty(),
                        true,
                        "scan of every item"
                                + (filter == null
                                        ? ""
                                        : ", " + terms.size() + " filter condition(s)")));
        for (PathCandidate c : candidates) {
            explained.add(
                    new QueryPlan.Candidate(
                            c.label(),
                            c.kind(),
                            OptionalInt.empty(),
                            false,
                            c.unusable == null ? c.binding() : c.unusable));
        }
        return new CompiledPlan(
                Operation.SCAN,
                index,
                null,
                filter,
                projection,
                expr.names(),
                expr.slots(),
                0,
                Map.of(),
                select,
                true,
                spec.consistent(),
                cursorKey,
                explained,
                reason,
                shape,
                true);
    }

    private String filter(List<TermInfo> filters, PlanPlaceholders expr) {
        if (filters.isEmpty()) {
            return null;
        }
        if (filters.size() == 1) {
            return render(filters.get(0), expr);
        }
        StringJoiner out = new StringJoiner(" AND ");
        for (TermInfo t : filters) {
            String text = render(t, expr);
            Condition c = t.term().condition();
            out.add(
                    c instanceof Condition.Or || c instanceof Condition.And
                            ? "(" + text + ")"
                            : text);
        }
        return out.toString();
    }

    private String projection(
            List<AttributePath> selected, List<String> cursorKey, PlanPlaceholders expr) {
        if (selected.isEmpty()) {
            return null;
        }
        Set<String> parts = new LinkedHashSet<>();
        for (AttributePath p : selected) {
            parts.add(expr.path(p));
        }
        for (String attr : cursorKey) {
            parts.add(expr.attribute(attr));
        }
        return String.join(", ", parts);
    }

    // ---- rendering ----

    private String render(TermInfo t, PlanPlaceholders expr) {
        int[] next = {t.valueBase()};
        return ConditionCompiler.render(model, t.term().condition(), op, expr, next);
    }

    private InvalidRequestException invalid(String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args), op, type, null);
    }
}
