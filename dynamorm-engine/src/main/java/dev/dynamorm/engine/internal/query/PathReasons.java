package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.engine.internal.model.IndexMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * Why an access path won, how every candidate is shown in {@code explain()}, and, when no path can
 * serve a query, the error that says what would.
 */
final class PathReasons {

    private final QuerySpec spec;
    private final Operation op;
    private final Class<?> type;

    PathReasons(ModelMetadata<?> model, QuerySpec spec, Operation op) {
        this.spec = spec;
        this.op = op;
        this.type = model.type();
    }

    String reason(PathCandidate winner, List<PathCandidate> candidates) {
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

    List<QueryPlan.Candidate> explainCandidates(
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

    RuntimeException noPath(
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
                if (c.global()
                        && c.pkTerm != null
                        && QueryCompiler.GSI_NOT_CONSISTENT.equals(c.unusable)) {
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

    static List<String> given(List<TermInfo> terms) {
        List<String> out = new ArrayList<>();
        for (TermInfo t : terms) {
            out.add(describe(t.term()));
        }
        return out;
    }

    static String describe(Term t) {
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

    private InvalidRequestException invalid(String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args), op, type, null);
    }
}
