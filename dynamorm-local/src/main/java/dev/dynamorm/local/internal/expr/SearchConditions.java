package dev.dynamorm.local.internal.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of a parsed {@code SearchConditionExpression} that the vector-search checks need:
 * which attributes it compares, with which operator, and whether a comparison is a conjunct of the
 * whole expression (joined to it by AND only).
 */
public final class SearchConditions {
    private SearchConditions() {}

    /**
     * One comparison of the expression.
     *
     * @param path the attribute path, resolved through the expression attribute names; empty when
     *     no side is a plain attribute path
     * @param operator {@code = <> < <= > >=}, {@code BETWEEN}, {@code IN} or a function name
     * @param againstValue whether every other operand is an expression attribute value
     * @param conjunct whether the expression is true only if this comparison is
     */
    public record Comparison(
            List<Object> path, String operator, boolean againstValue, boolean conjunct) {}

    /**
     * The comparisons of an expression, in the order written.
     *
     * @param condition the parsed expression
     * @param bindings its attribute names and values
     * @return the comparisons
     */
    public static List<Comparison> comparisons(Condition condition, Bindings bindings) {
        List<Comparison> out = new ArrayList<>();
        walk(condition, bindings, true, out);
        return out;
    }

    private static void walk(Condition c, Bindings b, boolean conjunct, List<Comparison> out) {
        if (c instanceof Condition.And a) {
            walk(a.left(), b, conjunct, out);
            walk(a.right(), b, conjunct, out);
        } else if (c instanceof Condition.Or o) {
            walk(o.left(), b, false, out);
            walk(o.right(), b, false, out);
        } else if (c instanceof Condition.Not n) {
            walk(n.inner(), b, false, out);
        } else if (c instanceof Condition.Compare cmp) {
            out.add(comparison(symbol(cmp.op()), List.of(cmp.left(), cmp.right()), b, conjunct));
        } else if (c instanceof Condition.Between bt) {
            out.add(comparison("BETWEEN", List.of(bt.value(), bt.low(), bt.high()), b, conjunct));
        } else if (c instanceof Condition.In in) {
            List<Operand> all = new ArrayList<>();
            all.add(in.value());
            all.addAll(in.candidates());
            out.add(comparison("IN", all, b, conjunct));
        } else if (c instanceof Condition.Call call) {
            out.add(comparison(call.function(), call.args(), b, conjunct));
        }
    }

    private static Comparison comparison(
            String operator, List<Operand> operands, Bindings b, boolean conjunct) {
        List<Object> path = List.of();
        int paths = 0;
        boolean values = true;
        for (Operand o : operands) {
            if (o instanceof Operand.PathRef p && paths == 0) {
                path = b.resolve(p.path());
                paths++;
            } else if (!(o instanceof Operand.ValueRef)) {
                values = false;
            }
        }
        return new Comparison(path, operator, values && paths == 1, conjunct);
    }

    private static String symbol(Token.Kind op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            default -> op.name();
        };
    }
}
