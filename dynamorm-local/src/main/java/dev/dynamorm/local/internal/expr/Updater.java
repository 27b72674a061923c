package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.Bytes;
import dev.dynamorm.local.internal.value.Numbers;
import dev.dynamorm.local.internal.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an UpdateExpression. All right-hand sides are evaluated against the item as it was before
 * the update.
 */
public final class Updater {
    private static final String KIND = "UpdateExpression";

    /**
     * The updated item and the document paths the expression touched (for UPDATED_OLD /
     * UPDATED_NEW).
     */
    public record Result(Map<String, Value> item, List<List<Object>> paths) {}

    private Updater() {}

    /** Resolves paths and checks key attributes and overlaps; does not need the item. */
    public static List<List<Object>> touchedPaths(
            UpdateExpression u, Bindings b, Set<String> keyAttributes) {
        List<List<Object>> all = new ArrayList<>();
        u.sets().forEach(s -> all.add(b.resolve(s.path())));
        u.removes().forEach(p -> all.add(b.resolve(p)));
        u.adds().forEach(s -> all.add(b.resolve(s.path())));
        u.deletes().forEach(s -> all.add(b.resolve(s.path())));
        for (int i = 0; i < all.size(); i++) {
            List<Object> p = all.get(i);
            if (keyAttributes.contains((String) p.get(0))) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: Cannot update attribute "
                                + p.get(0)
                                + ". This attribute is part of the key");
            }
            for (int j = 0; j < i; j++) {
                List<Object> q = all.get(j);
                int common = Math.min(p.size(), q.size());
                if (p.subList(0, common).equals(q.subList(0, common))) {
                    throw ExpressionException.invalid(
                            KIND,
                            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                                    + render(p)
                                    + ", path two: "
                                    + render(q));
                }
            }
        }
        return all;
    }

    /**
     * Checks literal operands of +, - and list_append, as DynamoDB does before reading the item.
     */
    public static void checkOperands(UpdateExpression u, Bindings b) {
        for (UpdateExpression.SetAction s : u.sets()) {
            checkOperand(s.value(), b);
        }
    }

    private static void checkOperand(Operand o, Bindings b) {
        if (o instanceof Operand.Arithmetic a) {
            literalType(a.left(), b, a.plus() ? "+" : "-", "N");
            literalType(a.right(), b, a.plus() ? "+" : "-", "N");
            checkOperand(a.left(), b);
            checkOperand(a.right(), b);
        } else if (o instanceof Operand.ListAppend la) {
            literalType(la.left(), b, "list_append", "L");
            literalType(la.right(), b, "list_append", "L");
            checkOperand(la.left(), b);
            checkOperand(la.right(), b);
        } else if (o instanceof Operand.IfNotExists i) {
            checkOperand(i.fallback(), b);
        }
    }

    private static void literalType(Operand o, Bindings b, String function, String type) {
        if (o instanceof Operand.ValueRef v && !b.value(v.name()).type().equals(type)) {
            throw ExpressionException.invalid(
                    KIND,
                    "Incorrect operand type for operator or function; operator or function: "
                            + function
                            + ", operand type: "
                            + b.value(v.name()).type());
        }
    }

    private static String render(List<Object> path) {
        List<String> parts = new ArrayList<>();
        for (Object o : path) {
            parts.add(o instanceof Integer ? "[" + o + "]" : (String) o);
        }
        return "[" + String.join(", ", parts) + "]";
    }

    public static Result apply(
            UpdateExpression u,
            Bindings b,
            Map<String, Value> original,
            Set<String> keyAttributes) {
        List<List<Object>> touched = touchedPaths(u, b, keyAttributes);
        Evaluator ev = new Evaluator(b);
        List<Value> setValues = new ArrayList<>();
        for (UpdateExpression.SetAction s : u.sets()) {
            setValues.add(setValue(s.value(), ev, original));
        }
        Map<String, Value> item = original;
        for (int i = 0; i < u.sets().size(); i++) {
            item = Documents.set(item, b.resolve(u.sets().get(i).path()), setValues.get(i));
        }
        List<List<Object>> removes = new ArrayList<>();
        u.removes().forEach(p -> removes.add(b.resolve(p)));
        removes.sort(Updater::comparePaths);
        for (int i = removes.size() - 1; i >= 0; i--) {
            item = Documents.remove(item, removes.get(i));
        }
        for (UpdateExpression.SetAction a : u.adds()) {
            List<Object> path = b.resolve(a.path());
            Value operand = ev.operand(a.value(), original);
            item = Documents.set(item, path, add(Documents.get(item, path), operand));
        }
        for (UpdateExpression.SetAction d : u.deletes()) {
            List<Object> path = b.resolve(d.path());
            Value operand = ev.operand(d.value(), original);
            Value existing = Documents.get(item, path);
            Value remaining = delete(existing, operand);
            if (existing == null) {
                continue;
            }
            item =
                    remaining == null
                            ? Documents.remove(item, path)
                            : Documents.set(item, path, remaining);
        }
        return new Result(item, touched);
    }

    private static int comparePaths(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Integer xi && y instanceof Integer yi) {
                c = Integer.compare(xi, yi);
            } else {
                c = String.valueOf(x).compareTo(String.valueOf(y));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static Value setValue(Operand o, Evaluator ev, Map<String, Value> item) {
        if (o instanceof Operand.Arithmetic a) {
            Value l = setValue(a.left(), ev, item);
            Value r = setValue(a.right(), ev, item);
            if (!(l instanceof Value.N ln) || !(r instanceof Value.N rn)) {
                throw Evaluator.typeError(KIND);
            }
            return number(a.plus() ? ln.v().add(rn.v()) : ln.v().subtract(rn.v()));
        } else if (o instanceof Operand.IfNotExists i) {
            Value existing = Documents.get(item, evBindings(ev).resolve(i.path()));
            return existing != null ? existing : setValue(i.fallback(), ev, item);
        } else if (o instanceof Operand.ListAppend la) {
            Value l = setValue(la.left(), ev, item);
            Value r = setValue(la.right(), ev, item);
            if (!(l instanceof Value.L ll) || !(r instanceof Value.L rl)) {
                throw Evaluator.typeError(KIND);
            }
            List<Value> joined = new ArrayList<>(ll.v());
            joined.addAll(rl.v());
            return new Value.L(joined);
        }
        Value v = ev.operand(o, item);
        if (v == null) {
            throw DynamoException.validation(
                    "The provided expression refers to an attribute that does not exist in the item");
        }
        return v;
    }

    private static Bindings evBindings(Evaluator ev) {
        return ev.bindings();
    }

    private static Value number(BigDecimal d) {
        String err = Numbers.rangeError(Numbers.normalize(d));
        if (err != null) {
            throw DynamoException.validation(err);
        }
        return Value.n(d);
    }

    private static Value add(Value existing, Value operand) {
        if (!(operand instanceof Value.N
                || operand instanceof Value.SS
                || operand instanceof Value.NS
                || operand instanceof Value.BS)) {
            throw ExpressionException.invalid(
                    KIND,
                    "Incorrect operand type for operator or function; operator: ADD, operand type: "
                            + typeName(operand));
        }
        if (existing == null) {
            return operand;
        }
        if (existing instanceof Value.N e && operand instanceof Value.N o) {
            return number(e.v().add(o.v()));
        }
        if (existing instanceof Value.SS e && operand instanceof Value.SS o) {
            Set<String> s = new LinkedHashSet<>(e.v());
            s.addAll(o.v());
            return new Value.SS(s);
        }
        if (existing instanceof Value.NS e && operand instanceof Value.NS o) {
            Set<BigDecimal> s = new LinkedHashSet<>(e.v());
            s.addAll(o.v());
            return new Value.NS(s);
        }
        if (existing instanceof Value.BS e && operand instanceof Value.BS o) {
            Set<Bytes> s = new LinkedHashSet<>(e.v());
            s.addAll(o.v());
            return new Value.BS(s);
        }
        throw Evaluator.typeError(KIND);
    }

    /** Returns the remaining set, or null when it became empty. */
    private static Value delete(Value existing, Value operand) {
        if (!(operand instanceof Value.SS
                || operand instanceof Value.NS
                || operand instanceof Value.BS)) {
            throw ExpressionException.invalid(
                    KIND,
                    "Incorrect operand type for operator or function; operator: DELETE, operand type: "
                            + typeName(operand));
        }
        if (existing == null) {
            return null;
        }
        if (existing instanceof Value.SS e && operand instanceof Value.SS o) {
            Set<String> s = new LinkedHashSet<>(e.v());
            s.removeAll(o.v());
            return s.isEmpty() ? null : new Value.SS(s);
        }
        if (existing instanceof Value.NS e && operand instanceof Value.NS o) {
            Set<BigDecimal> s = new LinkedHashSet<>(e.v());
            s.removeAll(o.v());
            return s.isEmpty() ? null : new Value.NS(s);
        }
        if (existing instanceof Value.BS e && operand instanceof Value.BS o) {
            Set<Bytes> s = new LinkedHashSet<>(e.v());
            s.removeAll(o.v());
            return s.isEmpty() ? null : new Value.BS(s);
        }
        throw Evaluator.typeError(KIND);
    }

    private static String typeName(Value v) {
        if (v == null) {
            return "NULL";
        }
        return switch (v.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> v.type();
        };
    }
}
