package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operator;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds a query to a multi-attribute index key with DynamoDB's rules: every partition field with
 * {@code =}; then sort fields from the first one on, {@code =} on each but the last bound one,
 * which may take any sort key comparison (a {@code >=} with a {@code <=} merged into BETWEEN).
 * Other conditions are filters, except on key fields: DynamoDB does not filter a Query on them.
 */
final class CompositeKeyBinding {
    private CompositeKeyBinding() {}

    /** Binds {@code terms} to the candidate's key; false when a partition field is not bound. */
    static boolean bind(PathCandidate c, List<TermInfo> terms) {
        List<TermInfo> rest = new ArrayList<>(terms);
        for (FieldMetadata f : c.pks) {
            TermInfo t = take(rest, f, true);
            if (t == null) {
                c.unusable =
                        "partition key field '"
                                + f.name()
                                + "' is not bound with '=' (a multi-attribute partition key needs "
                                + "every one of its fields bound with '=')";
                c.pkTerm = null;
                c.keyEqualities.clear();
                c.filters.addAll(terms);
                return false;
            }
            if (c.pkTerm == null) {
                c.pkTerm = t;
            } else {
                c.keyEqualities.add(t);
            }
        }
        String stop = null;
        int bound = 0;
        for (FieldMetadata f : c.sks) {
            List<TermInfo> on = new ArrayList<>();
            for (TermInfo t : rest) {
                if (isKeyTerm(t, f, false)) {
                    on.add(t);
                }
            }
            if (on.isEmpty()) {
                stop = "'" + f.name() + "' before it is not bound";
                break;
            }
            rest.removeAll(on);
            bound++;
            Operator first = on.get(0).keyComparison().operator();
            if (on.size() == 1 && first == Operator.EQ) {
                c.keyEqualities.add(on.get(0));
                continue;
            }
            c.skTerms.addAll(on);
            c.skBound = f;
            if (on.size() == 1) {
                c.skOperator = first;
            } else if (on.size() == 2 && SingleKeyBinding.isRangePair(on.get(0), on.get(1))) {
                c.skOperator = Operator.BETWEEN;
            } else {
                c.unusable =
                        String.format(
                                Locale.ROOT,
                                "sort key field '%s' has %d conditions but a key condition takes one "
                                        + "(>= with <= is merged into BETWEEN)",
                                f.name(),
                                on.size());
            }
            stop = "the range condition on '" + f.name() + "' comes before it";
            break;
        }
        if (c.skTerms.isEmpty() && bound > 0) {
            // the last '=' on a sort field is the sort key condition (what a scorer sees)
            TermInfo last = c.keyEqualities.remove(c.keyEqualities.size() - 1);
            c.skTerms.add(last);
            c.skOperator = Operator.EQ;
            c.skBound = c.sks.get(bound - 1);
        }
        c.filters.addAll(rest);
        if (c.unusable == null) {
            c.unusable = keyClash(c, rest, bound, stop);
        }
        return true;
    }

    /** Why a remaining condition on a key field makes the path unusable, or null. */
    private static String keyClash(PathCandidate c, List<TermInfo> rest, int bound, String stop) {
        for (TermInfo t : rest) {
            for (int i = 0; i < c.sks.size(); i++) {
                FieldMetadata f = c.sks.get(i);
                if (i >= bound && t.attributes().contains(f.attributeName())) {
                    return String.format(
                            Locale.ROOT,
                            "condition %s on sort key field '%s' cannot be a key condition: %s, and a "
                                    + "multi-attribute sort key is matched from its first field on",
                            PathReasons.describe(t.term()),
                            f.name(),
                            stop);
                }
            }
            List<FieldMetadata> keys = new ArrayList<>(c.pks);
            keys.addAll(c.sks);
            for (FieldMetadata f : keys) {
                if (t.attributes().contains(f.attributeName())) {
                    return String.format(
                            Locale.ROOT,
                            "condition %s on key field '%s' cannot be a key condition, and DynamoDB "
                                    + "does not filter a Query on its key attributes",
                            PathReasons.describe(t.term()),
                            f.name());
                }
            }
        }
        return null;
    }

    private static TermInfo take(List<TermInfo> rest, FieldMetadata f, boolean equality) {
        for (TermInfo t : rest) {
            if (isKeyTerm(t, f, equality)) {
                rest.remove(t);
                return t;
            }
        }
        return null;
    }

    private static boolean isKeyTerm(TermInfo t, FieldMetadata f, boolean equality) {
        return t.keyField() != null
                && t.keyField().attributeName().equals(f.attributeName())
                && (equality
                        ? t.keyComparison().operator() == Operator.EQ
                        : QueryCompiler.KEY_OPERATORS.contains(t.keyComparison().operator()));
    }
}
