package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical shape of a query (everything but its values, the key of the plan cache and part of
 * each cursor's fingerprint) and its values in the order plan slots refer to them.
 */
final class QueryShape {

    private QueryShape() {}

    /** The canonical shape of a query: everything but the values (and the limit and cursor). */
    static String shapeOf(QuerySpec spec, QueryCompiler.Mode mode) {
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

    static int valueCount(Condition c) {
        List<Object> out = new ArrayList<>();
        flatten(c, out);
        return out.size();
    }
}
