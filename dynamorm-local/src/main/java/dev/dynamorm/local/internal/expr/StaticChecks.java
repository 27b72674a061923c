package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.value.KeyOrder;
import dev.dynamorm.local.internal.value.Value;
import java.util.List;
import java.util.Set;

/**
 * Checks DynamoDB makes on a condition before reading any item, once the placeholders are bound:
 * operands that must differ, BETWEEN bounds, and the operand types of functions given literal
 * values.
 */
public final class StaticChecks {
    private static final Set<String> TYPES =
            Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private StaticChecks() {}

    /**
     * Throws a ValidationException naming {@code kind} (e.g. ConditionExpression) if the condition
     * is invalid.
     */
    public static void condition(Condition c, Bindings b, String kind) {
        if (c instanceof Condition.And a) {
            condition(a.left(), b, kind);
            condition(a.right(), b, kind);
        } else if (c instanceof Condition.Or o) {
            condition(o.left(), b, kind);
            condition(o.right(), b, kind);
        } else if (c instanceof Condition.Not n) {
            condition(n.inner(), b, kind);
        } else if (c instanceof Condition.Compare cmp) {
            operand(cmp.left(), b, kind);
            operand(cmp.right(), b, kind);
            distinct(symbol(cmp.op()), cmp.left(), cmp.right(), b, kind);
        } else if (c instanceof Condition.Between bt) {
            operand(bt.value(), b, kind);
            operand(bt.low(), b, kind);
            operand(bt.high(), b, kind);
            if (bt.low() instanceof Operand.ValueRef lo
                    && bt.high() instanceof Operand.ValueRef hi) {
                Value l = b.value(lo.name());
                Value h = b.value(hi.name());
                if (!l.type().equals(h.type())) {
                    throw ExpressionException.invalid(
                            kind,
                            "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: "
                                    + Evaluator.render(l)
                                    + ", upper bound operand: AttributeValue: "
                                    + Evaluator.render(h));
                }
                if (Evaluator.sameScalarType(l, h) && KeyOrder.INSTANCE.compare(l, h) > 0) {
                    throw ExpressionException.invalid(
                            kind,
                            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
                                    + Evaluator.render(l)
                                    + ", upper bound operand: AttributeValue: "
                                    + Evaluator.render(h));
                }
            }
        } else if (c instanceof Condition.In in) {
            operand(in.value(), b, kind);
            in.candidates().forEach(o -> operand(o, b, kind));
        } else if (c instanceof Condition.Call call) {
            List<Operand> args = call.args();
            args.forEach(o -> operand(o, b, kind));
            if (args.size() == 2) {
                distinct(call.function(), args.get(0), args.get(1), b, kind);
            }
            switch (call.function()) {
                case "attribute_type" -> {
                    Value t = args.get(1) instanceof Operand.ValueRef v ? b.value(v.name()) : null;
                    if (t != null && !(t instanceof Value.S)) {
                        throw ExpressionException.invalid(
                                kind,
                                "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                                        + t.type());
                    }
                    if (t instanceof Value.S s && !TYPES.contains(s.v())) {
                        throw ExpressionException.invalid(
                                kind,
                                "Invalid attribute type name found; type: "
                                        + s.v()
                                        + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
                    }
                }
                case "begins_with" -> {
                    for (Operand o : args) {
                        if (o instanceof Operand.ValueRef v
                                && !(b.value(v.name()) instanceof Value.S)
                                && !(b.value(v.name()) instanceof Value.B)) {
                            throw ExpressionException.invalid(
                                    kind,
                                    "Incorrect operand type for operator or function; operator or function: begins_with, operand type: "
                                            + b.value(v.name()).type());
                        }
                    }
                }
                default -> {}
            }
        }
    }

    private static void operand(Operand o, Bindings b, String kind) {
        if (o instanceof Operand.Size s && s.arg() instanceof Operand.ValueRef v) {
            Value value = b.value(v.name());
            if (value instanceof Value.N
                    || value instanceof Value.Bool
                    || value instanceof Value.Null) {
                throw ExpressionException.invalid(
                        kind,
                        "Incorrect operand type for operator or function; operator or function: size, operand type: "
                                + value.type());
            }
        }
    }

    private static void distinct(
            String operator, Operand first, Operand second, Bindings b, String kind) {
        if (first instanceof Operand.PathRef p && second instanceof Operand.PathRef q) {
            List<Object> a = b.resolve(p.path());
            if (a.equals(b.resolve(q.path()))) {
                StringBuilder shown = new StringBuilder("[");
                for (int i = 0; i < a.size(); i++) {
                    shown.append(i == 0 ? "" : ", ")
                            .append(a.get(i) instanceof Integer n ? "[" + n + "]" : a.get(i));
                }
                throw ExpressionException.invalid(
                        kind,
                        "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                                + operator
                                + ", first operand: "
                                + shown
                                + "]");
            }
        }
    }

    private static String symbol(Token.Kind op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            default -> ">=";
        };
    }
}
