package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operator;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds a query to a single-attribute key (the table's, an LSI's or a GSI's): the partition key
 * with {@code =}, the sort key with one key comparison (a {@code >=} with a {@code <=} merged into
 * BETWEEN). Other conditions are filters, except on key attributes: DynamoDB does not filter a
 * Query on them. {@link CompositeKeyBinding} does the same for multi-attribute keys.
 */
final class SingleKeyBinding {
    private SingleKeyBinding() {}

    /** Binds {@code terms} to the candidate's key; false when the partition key is not bound. */
    static boolean bind(PathCandidate c, List<TermInfo> terms) {
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
                    && QueryCompiler.KEY_OPERATORS.contains(t.keyComparison().operator())) {
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
            return false;
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
                                    PathReasons.describe(t.term()),
                                    clash);
                    break;
                }
            }
        }
        return true;
    }

    /** Whether two sort key conditions are a {@code >=} and a {@code <=}, sent as BETWEEN. */
    static boolean isRangePair(TermInfo a, TermInfo b) {
        Operator x = a.keyComparison().operator();
        Operator y = b.keyComparison().operator();
        return (x == Operator.GE && y == Operator.LE) || (x == Operator.LE && y == Operator.GE);
    }
}
