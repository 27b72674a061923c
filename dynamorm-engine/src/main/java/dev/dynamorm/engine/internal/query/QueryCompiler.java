package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.SortOrder;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.engine.internal.AttributePath;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.spi.IndexScorer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compiles a {@link QuerySpec} into a {@link CompiledPlan}: resolves every field path (unknown
 * fields fail with a suggestion), matches the conditions against the key of the table and of every
 * index, asks the {@link IndexScorer} to score the paths that can serve the query, and renders the
 * key condition, filter and projection with {@code #nK}/{@code :vK} placeholders only. Values are
 * not bound here: each {@link Slot} says where its value comes from.
 */
final class QueryCompiler {

    private static final String GSI_NOT_CONSISTENT =
            "global secondary indexes do not support consistent reads";

    /** What the terminal call asks for. */
    enum Mode {
        /** Choose GetItem, Query or (if allowed) Scan. */
        AUTO,
        /** Always a Scan. */
        SCAN
    }

    /** DynamoDB's limit on the operands of IN. */
    static final int MAX_IN_VALUES = 100;

    private static final Set<Operator> KEY_OPERATORS =
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

    private QueryCompiler(ModelMetadata<?> model, QuerySpec spec, Mode mode) {
        this.model = model;
        this.spec = spec;
        this.mode = mode;
        this.op = mode == Mode.SCAN ? Operation.SCAN : Operation.QUERY;
        this.type = model.type();
    }

    // ---- shape and values ----

    /** The canonical shape of a query: everything but the values (and the limit and cursor). */
    static String shapeOf(QuerySpec spec, Mode mode) {
        StringBuilder out = new StringBuilder(64).append(mode).append('|');
        for (Term t : spec.terms()) {
            out.append(t.filterOnly() ? 'F' : 'W');
            shape(t.condition(), out);
            out.append(';');
        }
        out.append("|sel");
        for (String s : spec.select()) {
            out.append(s.length()).append(':').append(s);
        }
        out.append("|ord=").append(spec.order());
        if (spec.orderField() != null) {
            out.append(spec.orderField().length()).append(':').append(spec.orderField());
        }
        out.append("|cr=").append(spec.consistent()).append("|scan=").append(spec.allowScan());
        if (spec.index() != null) {
            out.append("|idx=").append(spec.index().length()).append(':').append(spec.index());
        }
        return out.toString();
    }

    private static void shape(Condition c, StringBuilder out) {
        if (c instanceof Condition.Comparison cmp) {
            out.append("c(")
                    .append(cmp.field().length())
                    .append(':')
                    .append(cmp.field())
                    .append(',')
                    .append(cmp.operator().name())
                    .append(',')
                    .append(cmp.values().size())
                    .append(')');
        } else if (c instanceof Condition.Size s) {
            out.append("s(")
                    .append(s.field().length())
                    .append(':')
                    .append(s.field())
                    .append(',')
                    .append(s.operator().name())
                    .append(',')
                    .append(s.values().size())
                    .append(')');
        } else if (c instanceof Condition.AttributeType at) {
            out.append("t(").append(at.field().length()).append(':').append(at.field()).append(')');
        } else if (c instanceof Condition.And and) {
            group("and", and.conditions(), out);
        } else if (c instanceof Condition.Or or) {
            group("or", or.conditions(), out);
        } else {
            out.append("not(");
            shape(((Condition.Not) c).condition(), out);
            out.append(')');
        }
    }

    private static void group(String name, List<Condition> parts, StringBuilder out) {
        out.append(name).append('(');
        for (Condition part : parts) {
            shape(part, out);
            out.append(',');
        }
        out.append(')');
    }

    /** The query's values in the order slots refer to them. */
    static List<Object> values(QuerySpec spec) {
        List<Object> out = new ArrayList<>();
        for (Term t : spec.terms()) {
            flatten(t.condition(), out);
        }
        return out;
    }

    private static void flatten(Condition c, List<Object> out) {
        if (c instanceof Condition.Comparison cmp) {
            out.addAll(cmp.values());
        } else if (c instanceof Condition.Size s) {
            out.addAll(s.values());
        } else if (c instanceof Condition.AttributeType at) {
            out.add(at.wireName());
        } else if (c instanceof Condition.And and) {
            and.conditions().forEach(p -> flatten(p, out));
        } else if (c instanceof Condition.Or or) {
            or.conditions().forEach(p -> flatten(p, out));
        } else {
            flatten(((Condition.Not) c).condition(), out);
        }
    }

    private static int valueCount(Condition c) {
        List<Object> out = new ArrayList<>();
        flatten(c, out);
        return out.size();
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

    /** One term with its resolved paths. */
    private record TermInfo(
            int index,
            Term term,
            int valueBase,
            Set<String> attributes,
            FieldMetadata keyField,
            Condition.Comparison keyComparison) {}

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
            base += valueCount(t.condition());
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
                    || c.score.getAsInt() == winner.score.getAsInt() && c.rank() < winner.rank()) {
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
            throw noPath(terms, candidates, forced, forcedTable);
        }
        String reason = reason(winner, candidates);
        return queryPlan(winner, terms, selected, candidates, reason, shape);
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

    /**
     * An access path and how the query binds it; the {@link IndexScorer} sees it as a candidate.
     */
    private final class PathCandidate implements IndexScorer.Candidate {
        final IndexMetadata index;
        final FieldMetadata pk;
        final Optional<FieldMetadata> sk;
        final int position;
        TermInfo pkTerm;
        final List<TermInfo> skTerms = new ArrayList<>();
        Operator skOperator;
        final List<TermInfo> filters = new ArrayList<>();
        boolean covers = true;
        List<String> missing = List.of();
        String unusable;
        OptionalInt defaultScore = OptionalInt.empty();
        OptionalInt score = OptionalInt.empty();

        PathCandidate(IndexMetadata index, int position) {
            this.index = index;
            this.pk = index == null ? model.partitionKey() : index.partitionKey();
            this.sk = index == null ? model.sortKey() : index.sortKey();
            this.position = position;
        }

        String label() {
            return index == null ? "table" : index.name();
        }

        String kind() {
            return index == null ? "table" : index.global() ? "gsi" : "lsi";
        }

        int rank() {
            return (index == null ? 0 : index.global() ? 2000 : 1000) + position;
        }

        String keys() {
            return pk.name() + sk.map(s -> " + " + s.name()).orElse("");
        }

        String binding() {
            StringBuilder out = new StringBuilder();
            out.append("partition key ").append(pk.name()).append(" =");
            if (skOperator != null) {
                out.append(", sort key ")
                        .append(sk.get().name())
                        .append(' ')
                        .append(skOperator.symbol());
            }
            out.append(filters.isEmpty() ? "" : ", " + filters.size() + " filter condition(s)");
            if (!covers) {
                out.append(", fetches ").append(missing).append(" from the table");
            }
            return out.toString();
        }

        @Override
        public Optional<String> indexName() {
            return index == null ? Optional.empty() : Optional.of(index.name());
        }

        @Override
        public boolean global() {
            return index != null && index.global();
        }

        @Override
        public String partitionKey() {
            return pk.name();
        }

        @Override
        public Optional<String> sortKey() {
            return sk.map(FieldMetadata::name);
        }

        @Override
        public boolean partitionKeyBound() {
            return pkTerm != null;
        }

        @Override
        public Optional<Operator> sortKeyOperator() {
            return Optional.ofNullable(skOperator);
        }

        @Override
        public boolean coversProjection() {
            return covers;
        }

        @Override
        public int filterConditions() {
            return filters.size();
        }

        @Override
        public OptionalInt defaultScore() {
            return defaultScore;
        }

        @Override
        public String toString() {
            return label() + " (" + kind() + ")";
        }
    }

    private PathCandidate evaluate(
            IndexMetadata index, List<TermInfo> terms, List<AttributePath> selected, int position) {
        PathCandidate c = new PathCandidate(index, position);
        String pkAttr = c.pk.attributeName();
        String skAttr = c.sk.map(FieldMetadata::attributeName).orElse(null);
        List<TermInfo> rest = new ArrayList<>();
        for (TermInfo t : terms) {
            if (c.pkTerm == null
                    && t.keyField() != null
                    && t.keyField().attributeName().equals(pkAttr)
                    && t.keyComparison().operator() == Operator.EQ) {
                c.pkTerm = t;
            } else if (skAttr != null
                    && t.keyField() != null
                    && t.keyField().attributeName().equals(skAttr)
                    && KEY_OPERATORS.contains(t.keyComparison().operator())) {
                c.skTerms.add(t);
            } else {
                rest.add(t);
            }
        }
        if (c.pkTerm == null) {
            c.unusable = "partition key '" + c.pk.name() + "' is not bound with '='";
            rest.addAll(c.skTerms);
            c.skTerms.clear();
            c.filters.addAll(rest);
            return c;
        }
        if (c.skTerms.size() == 1) {
            c.skOperator = c.skTerms.get(0).keyComparison().operator();
        } else if (c.skTerms.size() == 2 && isRangePair(c.skTerms.get(0), c.skTerms.get(1))) {
            c.skOperator = Operator.BETWEEN;
        } else if (c.skTerms.size() > 1) {
            c.unusable =
                    String.format(
                            Locale.ROOT,
                            "sort key '%s' has %d conditions but a key condition takes one "
                                    + "(>= with <= is merged into BETWEEN)",
                            c.sk.get().name(),
                            c.skTerms.size());
        }
        c.filters.addAll(rest);
        if (c.unusable == null) {
            for (TermInfo t : rest) {
                String clash =
                        t.attributes().contains(pkAttr)
                                ? c.pk.name()
                                : skAttr != null && t.attributes().contains(skAttr)
                                        ? c.sk.get().name()
                                        : null;
                if (clash != null) {
                    c.unusable =
                            String.format(
                                    Locale.ROOT,
                                    "condition %s on key field '%s' cannot be a key "
                                            + "condition, and DynamoDB does not filter a Query on its key attributes",
                                    describe(t.term()),
                                    clash);
                    break;
                }
            }
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
            Set<String> needed = needed(selected, c.filters);
            List<String> missing = new ArrayList<>();
            Set<String> projected = projected(index);
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
                                describeProjection(index),
                                fieldNames(missing));
            }
        }
        return c;
    }

    private static boolean isRangePair(TermInfo a, TermInfo b) {
        Operator x = a.keyComparison().operator();
        Operator y = b.keyComparison().operator();
        return x == Operator.GE && y == Operator.LE || x == Operator.LE && y == Operator.GE;
    }

    /**
     * Attribute names the query reads: the selection (or every field) and the filter attributes.
     */
    private Set<String> needed(List<AttributePath> selected, List<TermInfo> filters) {
        Set<String> needed = new LinkedHashSet<>();
        if (selected.isEmpty()) {
            for (FieldMetadata f : model.fields()) {
                needed.add(f.attributeName());
            }
        } else {
            for (AttributePath p : selected) {
                needed.add(p.segments().get(0));
            }
        }
        for (TermInfo t : filters) {
            needed.addAll(t.attributes());
        }
        return needed;
    }

    /** Attribute names an index holds, or null when it holds every attribute. */
    private Set<String> projected(IndexMetadata index) {
        if (index.projection() == ProjectionType.ALL) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>(cursorKey(index));
        if (index.projection() == ProjectionType.INCLUDE) {
            out.addAll(index.includedAttributes());
        }
        return out;
    }

    private String describeProjection(IndexMetadata index) {
        Set<String> attrs = projected(index);
        return index.projection()
                + " "
                + fieldNames(attrs == null ? List.of() : new ArrayList<>(attrs));
    }

    private List<String> fieldNames(List<String> attributes) {
        List<String> out = new ArrayList<>();
        for (String a : attributes) {
            FieldMetadata f = model.fieldByAttribute(a);
            out.add(f == null ? a : f.name());
        }
        return out;
    }

    /** The key attributes a cursor carries on a path: the table's key, then the index's. */
    private List<String> cursorKey(IndexMetadata index) {
        List<String> out = new ArrayList<>();
        out.add(model.partitionKey().attributeName());
        model.sortKey().ifPresent(s -> out.add(s.attributeName()));
        if (index != null) {
            if (!out.contains(index.partitionKey().attributeName())) {
                out.add(index.partitionKey().attributeName());
            }
            index.sortKey()
                    .ifPresent(
                            s -> {
                                if (!out.contains(s.attributeName())) {
                                    out.add(s.attributeName());
                                }
                            });
        }
        return out;
    }

    private String reason(PathCandidate winner, List<PathCandidate> candidates) {
        if (spec.index() != null) {
            return winner.label() + ": asked for with index('" + spec.index() + "')";
        }
        PathCandidate second = null;
        for (PathCandidate c : candidates) {
            if (c != winner
                    && c.unusable == null
                    && (second == null || c.score.getAsInt() > second.score.getAsInt())) {
                second = c;
            }
        }
        if (second == null) {
            return winner.label()
                    + ": the only path that can serve the query ("
                    + winner.binding()
                    + ")";
        }
        if (second.score.getAsInt() == winner.score.getAsInt()) {
            return String.format(
                    Locale.ROOT,
                    "%s: score %d ties with %s; the %s is preferred",
                    winner.label(),
                    winner.score.getAsInt(),
                    second.label(),
                    winner.index == null
                            ? "table"
                            : winner.global() ? "first declared index" : "local index");
        }
        return String.format(
                Locale.ROOT,
                "%s: score %d > %s: score %d (%s)",
                winner.label(),
                winner.score.getAsInt(),
                second.label(),
                second.score.getAsInt(),
                winner.binding());
    }

    private List<QueryPlan.Candidate> explainCandidates(
            List<PathCandidate> candidates, PathCandidate winner) {
        List<QueryPlan.Candidate> out = new ArrayList<>();
        if (winner != null) {
            out.add(
                    new QueryPlan.Candidate(
                            winner.label(), winner.kind(), winner.score, true, winner.binding()));
        }
        for (PathCandidate c : candidates) {
            if (c == winner) {
                continue;
            }
            out.add(
                    new QueryPlan.Candidate(
                            c.label(),
                            c.kind(),
                            c.unusable == null ? c.score : OptionalInt.empty(),
                            false,
                            c.unusable == null ? c.binding() : c.unusable));
        }
        return out;
    }

    private RuntimeException noPath(
            List<TermInfo> terms,
            List<PathCandidate> candidates,
            IndexMetadata forced,
            boolean forcedTable) {
        if (spec.index() != null) {
            PathCandidate asked =
                    candidates.stream()
                            .filter(c -> forcedTable ? c.index == null : c.index == forced)
                            .findFirst()
                            .orElseThrow();
            if (spec.consistent() && asked.global() && asked.pkTerm != null) {
                return invalid(
                        "consistentRead() on global secondary index '%s' of model %s: DynamoDB reads global "
                                + "indexes eventually consistently only; drop consistentRead() or query the table or a "
                                + "local index",
                        asked.label(), type.getName());
            }
            if (asked.pkTerm == null) {
                return new QueryRequiresScanException(
                        String.format(
                                Locale.ROOT,
                                "index('%s') on model %s cannot serve the query: %s; the conditions are %s (use scan() to "
                                        + "scan it)",
                                spec.index(),
                                type.getName(),
                                asked.unusable,
                                given(terms)),
                        type);
            }
            return invalid(
                    "index('%s') on model %s cannot serve the query: %s",
                    spec.index(), type.getName(), asked.unusable);
        }
        List<String> keys = new ArrayList<>();
        boolean anyBound = false;
        for (PathCandidate c : candidates) {
            keys.add(c.label() + ": " + c.keys());
            anyBound |= c.pkTerm != null;
        }
        if (!anyBound) {
            return new QueryRequiresScanException(
                    String.format(
                            Locale.ROOT,
                            "query on model %s needs a partition key bound with '=', but the conditions are %s; keys that can "
                                    + "serve a query: %s; or call allowScan() or scan() to read the whole table",
                            type.getName(),
                            given(terms),
                            keys),
                    type);
        }
        if (spec.consistent()) {
            // the conditions fit a global index, and only the consistent read rules it out:
            // scanning is not the fix, reading the table or a local index is
            for (PathCandidate c : candidates) {
                if (c.global() && c.pkTerm != null && GSI_NOT_CONSISTENT.equals(c.unusable)) {
                    return invalid(
                            "consistentRead() on model %s: the conditions fit global secondary index"
                                    + " '%s', which DynamoDB reads eventually consistently only; drop"
                                    + " consistentRead(), or bind the table's key (or a local index's)"
                                    + " to read consistently",
                            type.getName(), c.label());
                }
            }
        }
        StringJoiner why = new StringJoiner("; ");
        for (PathCandidate c : candidates) {
            why.add(c.label() + ": " + c.unusable);
        }
        return new QueryRequiresScanException(
                String.format(
                        Locale.ROOT,
                        "query on model %s with conditions %s cannot be served by any key: %s; change the conditions or "
                                + "call allowScan() or scan() to read the whole table",
                        type.getName(),
                        given(terms),
                        why),
                type);
    }

    private static List<String> given(List<TermInfo> terms) {
        List<String> out = new ArrayList<>();
        for (TermInfo t : terms) {
            out.add(describe(t.term()));
        }
        return out;
    }

    private static String describe(Term t) {
        return describe(t.condition());
    }

    static String describe(Condition c) {
        if (c instanceof Condition.Comparison cmp) {
            return cmp.field() + " " + cmp.operator().symbol();
        }
        if (c instanceof Condition.Size s) {
            return "size(" + s.field() + ") " + s.operator().symbol();
        }
        if (c instanceof Condition.AttributeType at) {
            return "attribute_type(" + at.field() + ")";
        }
        if (c instanceof Condition.And and) {
            return joinDescribed(and.conditions(), " AND ");
        }
        if (c instanceof Condition.Or or) {
            return joinDescribed(or.conditions(), " OR ");
        }
        return "NOT " + describe(((Condition.Not) c).condition());
    }

    private static String joinDescribed(List<Condition> parts, String glue) {
        StringJoiner out = new StringJoiner(glue, "(", ")");
        parts.forEach(p -> out.add(describe(p)));
        return out.toString();
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
            List<TermInfo> terms,
            List<AttributePath> selected,
            List<PathCandidate> candidates,
            String reason,
            String shape) {
        Expr expr = new Expr();
        StringBuilder key = new StringBuilder(render(winner.pkTerm, expr));
        if (winner.skOperator != null) {
            key.append(" AND ");
            if (winner.skTerms.size() == 2) {
                TermInfo low =
                        winner.skTerms.get(0).keyComparison().operator() == Operator.GE
                                ? winner.skTerms.get(0)
                                : winner.skTerms.get(1);
                TermInfo high =
                        low == winner.skTerms.get(0)
                                ? winner.skTerms.get(1)
                                : winner.skTerms.get(0);
                FieldMetadata f = winner.sk.get();
                key.append(expr.name(f.attributeName()))
                        .append(" BETWEEN ")
                        .append(
                                expr.value(
                                        new Slot(
                                                low.valueBase(),
                                                Slot.Mode.FIELD,
                                                f,
                                                f.name(),
                                                false)))
                        .append(" AND ")
                        .append(
                                expr.value(
                                        new Slot(
                                                high.valueBase(),
                                                Slot.Mode.FIELD,
                                                f,
                                                f.name(),
                                                true)));
            } else {
                key.append(render(winner.skTerms.get(0), expr));
            }
        }
        int keySlots = expr.slots().size();
        boolean get =
                winner.index == null
                        && winner.filters.isEmpty()
                        && (winner.sk.isEmpty()
                                || winner.skOperator == Operator.EQ && winner.skTerms.size() == 1);
        String filter = filter(winner.filters, expr);
        List<String> cursorKey = cursorKey(winner.index);
        String projection = projection(selected, cursorKey, expr);
        List<QueryPlan.Candidate> explained = explainCandidates(candidates, winner);
        if (get) {
            Map<String, Integer> getKey = new LinkedHashMap<>();
            getKey.put(winner.pk.attributeName(), 0);
            winner.sk.ifPresent(s -> getKey.put(s.attributeName(), 1));
            return new CompiledPlan(
                    Operation.GET,
                    null,
                    key.toString(),
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
                key.toString(),
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
            Set<String> projected = projected(index);
            List<String> missing = new ArrayList<>();
            for (String a : needed(selected, terms)) {
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
                        describeProjection(index),
                        fieldNames(missing));
            }
        }
        Expr expr = new Expr();
        String filter = filter(terms, expr);
        List<String> cursorKey = cursorKey(index);
        String projection = projection(selected, cursorKey, expr);
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

    private String filter(List<TermInfo> filters, Expr expr) {
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

    private String projection(List<AttributePath> selected, List<String> cursorKey, Expr expr) {
        if (selected.isEmpty()) {
            return null;
        }
        Set<String> parts = new LinkedHashSet<>();
        for (AttributePath p : selected) {
            parts.add(expr.path(p));
        }
        for (String attr : cursorKey) {
            parts.add(expr.name(attr));
        }
        return String.join(", ", parts);
    }

    // ---- rendering ----

    private String render(TermInfo t, Expr expr) {
        int[] next = {t.valueBase()};
        return render(t.term().condition(), next, expr);
    }

    private String render(Condition c, int[] next, Expr expr) {
        if (c instanceof Condition.Comparison cmp) {
            return comparison(cmp, next, expr);
        }
        if (c instanceof Condition.Size s) {
            return size(s, next, expr);
        }
        if (c instanceof Condition.AttributeType at) {
            AttributePath path = resolve(at.field());
            String p = expr.path(path);
            return "attribute_type("
                    + p
                    + ", "
                    + expr.value(new Slot(next[0]++, Slot.Mode.TYPE, null, at.field(), false))
                    + ")";
        }
        if (c instanceof Condition.And and) {
            return join(and.conditions(), " AND ", next, expr);
        }
        if (c instanceof Condition.Or or) {
            return join(or.conditions(), " OR ", next, expr);
        }
        return "NOT (" + render(((Condition.Not) c).condition(), next, expr) + ")";
    }

    private String join(List<Condition> parts, String glue, int[] next, Expr expr) {
        StringJoiner out = new StringJoiner(glue);
        for (Condition part : parts) {
            out.add("(" + render(part, next, expr) + ")");
        }
        return out.toString();
    }

    private AttributePath resolve(String field) {
        AttributePath path = AttributePath.resolve(model, field, op);
        if (path.encrypted(model)) {
            throw invalid(
                    "field '%s' of model %s is @Encrypted and cannot be used in a condition: its stored value "
                            + "is ciphertext",
                    field, type.getName());
        }
        return path;
    }

    private String comparison(Condition.Comparison c, int[] next, Expr expr) {
        AttributePath path = resolve(c.field());
        String p = expr.path(path);
        Slot.Mode mode = path.indexed() ? Slot.Mode.ELEMENT : Slot.Mode.FIELD;
        FieldMetadata leaf = path.leaf();
        Operator operator = c.operator();
        switch (operator) {
            case EXISTS:
                return "attribute_exists(" + p + ")";
            case NOT_EXISTS:
                return "attribute_not_exists(" + p + ")";
            case BETWEEN:
                {
                    String low = expr.value(new Slot(next[0]++, mode, leaf, c.field(), false));
                    String high = expr.value(new Slot(next[0]++, mode, leaf, c.field(), true));
                    return p + " BETWEEN " + low + " AND " + high;
                }
            case IN:
                {
                    int n = c.values().size();
                    if (n == 0 || n > MAX_IN_VALUES) {
                        throw invalid(
                                "IN on field '%s' of model %s needs 1 to %d values, got %d",
                                c.field(), type.getName(), MAX_IN_VALUES, n);
                    }
                    StringJoiner list = new StringJoiner(", ", " IN (", ")");
                    for (int i = 0; i < n; i++) {
                        list.add(expr.value(new Slot(next[0]++, mode, leaf, c.field(), false)));
                    }
                    return p + list;
                }
            case BEGINS_WITH:
                {
                    AttributeValue.Type t = path.indexed() ? null : leaf.attributeType();
                    if (t != null && t != AttributeValue.Type.S && t != AttributeValue.Type.B) {
                        throw invalid(
                                "BEGINS_WITH needs a string or binary field, but '%s' of model %s is %s",
                                c.field(), type.getName(), leaf.genericType().getTypeName());
                    }
                    return "begins_with("
                            + p
                            + ", "
                            + expr.value(new Slot(next[0]++, mode, leaf, c.field(), false))
                            + ")";
                }
            case CONTAINS:
            case NOT_CONTAINS:
                {
                    AttributeValue.Type t = path.indexed() ? null : leaf.attributeType();
                    Slot.Mode m =
                            t == AttributeValue.Type.S || t == AttributeValue.Type.B
                                    ? mode
                                    : Slot.Mode.ELEMENT;
                    if (t == AttributeValue.Type.N || t == AttributeValue.Type.BOOL) {
                        throw invalid(
                                "%s needs a string, binary, set or list field, but '%s' of model %s is %s",
                                operator.symbol(),
                                c.field(),
                                type.getName(),
                                leaf.genericType().getTypeName());
                    }
                    String call =
                            "contains("
                                    + p
                                    + ", "
                                    + expr.value(new Slot(next[0]++, m, leaf, c.field(), false))
                                    + ")";
                    return operator == Operator.CONTAINS ? call : "NOT " + call;
                }
            default:
                return p
                        + " "
                        + operator.symbol()
                        + " "
                        + expr.value(new Slot(next[0]++, mode, leaf, c.field(), false));
        }
    }

    private String size(Condition.Size s, int[] next, Expr expr) {
        AttributePath path = resolve(s.field());
        AttributeValue.Type t = path.indexed() ? null : path.leaf().attributeType();
        if (t == AttributeValue.Type.N || t == AttributeValue.Type.BOOL) {
            throw invalid(
                    "SIZE needs a string, binary, set, list or map field, but '%s' of model %s is %s",
                    s.field(), type.getName(), path.leaf().genericType().getTypeName());
        }
        String p = "size(" + expr.path(path) + ")";
        switch (s.operator()) {
            case BETWEEN:
                {
                    String low =
                            expr.value(new Slot(next[0]++, Slot.Mode.SIZE, null, s.field(), false));
                    String high =
                            expr.value(new Slot(next[0]++, Slot.Mode.SIZE, null, s.field(), true));
                    return p + " BETWEEN " + low + " AND " + high;
                }
            case IN:
                {
                    int n = s.values().size();
                    if (n == 0 || n > MAX_IN_VALUES) {
                        throw invalid(
                                "SIZE IN on field '%s' of model %s needs 1 to %d values, got %d",
                                s.field(), type.getName(), MAX_IN_VALUES, n);
                    }
                    StringJoiner list = new StringJoiner(", ", " IN (", ")");
                    for (int i = 0; i < n; i++) {
                        list.add(
                                expr.value(
                                        new Slot(
                                                next[0]++,
                                                Slot.Mode.SIZE,
                                                null,
                                                s.field(),
                                                false)));
                    }
                    return p + list;
                }
            default:
                return p
                        + " "
                        + s.operator().symbol()
                        + " "
                        + expr.value(new Slot(next[0]++, Slot.Mode.SIZE, null, s.field(), false));
        }
    }

    private InvalidRequestException invalid(String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args), op, type, null);
    }

    /** Placeholders of one plan: names de-duplicated, values in slot order. */
    private static final class Expr {
        private final Map<String, String> byName = new HashMap<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final List<Slot> slots = new ArrayList<>();

        String name(String attributeName) {
            return byName.computeIfAbsent(
                    attributeName,
                    a -> {
                        String placeholder = "#n" + names.size();
                        names.put(placeholder, a);
                        return placeholder;
                    });
        }

        String value(Slot slot) {
            slots.add(slot);
            return ":v" + (slots.size() - 1);
        }

        String path(AttributePath path) {
            StringBuilder out = new StringBuilder();
            for (String segment : path.segments()) {
                if (segment.startsWith("[")) {
                    out.append(segment);
                } else {
                    if (out.length() > 0) {
                        out.append('.');
                    }
                    out.append(name(segment));
                }
            }
            return out.toString();
        }

        Map<String, String> names() {
            return names;
        }

        List<Slot> slots() {
            return slots;
        }
    }
}
