package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.value.KeyOrder;
import dev.dynamorm.local.internal.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated KeyConditionExpression: partition key equality plus an optional sort-key predicate.
 * On a multi-attribute key {@code hash} is the composite of all partition attributes, {@code
 * prefix} holds the equalities on the leading sort attributes and {@code op} applies to the sort
 * attribute right after them (see {@link KeyDef}).
 */
public record KeyCondition(
        Value hash, Op op, Value low, Value high, List<Value> prefix, boolean composite) {
    private static final String KIND = "KeyConditionExpression";

    public KeyCondition {
        prefix = List.copyOf(prefix);
    }

    /** A condition on a single-attribute key. */
    public KeyCondition(Value hash, Op op, Value low, Value high) {
        this(hash, op, low, high, List.of(), false);
    }

    /**
     * Whether items of the queried partition must be tested one by one with {@link
     * #matchesSort(Value)}: a bounded range of the partition is not exact for them.
     */
    public boolean testsEachItem() {
        return composite || op == Op.BEGINS_WITH;
    }

    /** Sort key predicate kinds. */
    public enum Op {
        NONE,
        EQ,
        LT,
        LE,
        GT,
        GE,
        BETWEEN,
        BEGINS_WITH
    }

    public boolean matchesSort(Value sort) {
        if (composite) {
            return matchesComposite(sort);
        }
        if (op != Op.BEGINS_WITH) {
            return true;
        }
        return beginsWith(sort, low);
    }

    private boolean matchesComposite(Value sort) {
        if (!(sort instanceof Value.L list)) {
            // a single sort attribute under a multi-attribute partition key
            return prefix.isEmpty() && compareOne(sort);
        }
        List<Value> parts = list.v();
        for (int i = 0; i < prefix.size(); i++) {
            if (KeyOrder.INSTANCE.compare(parts.get(i), prefix.get(i)) != 0) {
                return false;
            }
        }
        return op == Op.NONE || compareOne(parts.get(prefix.size()));
    }

    private boolean compareOne(Value v) {
        int lowCmp = low == null ? 0 : KeyOrder.INSTANCE.compare(v, low);
        return switch (op) {
            case NONE -> true;
            case EQ -> lowCmp == 0;
            case LT -> lowCmp < 0;
            case LE -> lowCmp <= 0;
            case GT -> lowCmp > 0;
            case GE -> lowCmp >= 0;
            case BETWEEN -> lowCmp >= 0 && KeyOrder.INSTANCE.compare(v, high) <= 0;
            case BEGINS_WITH -> beginsWith(v, low);
        };
    }

    private static boolean beginsWith(Value sort, Value low) {
        if (sort instanceof Value.S s && low instanceof Value.S p) {
            return s.v().startsWith(p.v());
        }
        if (sort instanceof Value.B b && low instanceof Value.B p) {
            return b.v().startsWith(p.v());
        }
        return false;
    }

    /** One comparison of a key condition: {@code attr op v1 [AND v2]}. */
    record Part(String attr, Op op, Value v1, Value v2) {}

    public static KeyCondition analyze(Condition c, Bindings b, KeyDef key) {
        List<Condition> conditions = new ArrayList<>();
        flatten(c, conditions);
        if (conditions.size() > (key.multiAttribute() ? key.names().size() : 2)) {
            throw DynamoException.validation(
                    "KeyConditionExpressions must only contain one condition per key");
        }
        List<Part> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Condition part : conditions) {
            Part p = part(part, b);
            if (!seen.add(p.attr())) {
                throw DynamoException.validation(
                        "KeyConditionExpressions must only contain one condition per key");
            }
            parts.add(p);
        }
        return key.multiAttribute() ? CompositeKeys.analyze(parts, key) : single(parts, key);
    }

    private static Part part(Condition part, Bindings b) {
        if (part instanceof Condition.Compare cmp) {
            if (cmp.op() == Token.Kind.NE) {
                throw invalid("Invalid operator used in KeyConditionExpression: <>");
            }
            if (cmp.left() instanceof Operand.ValueRef && cmp.right() instanceof Operand.PathRef) {
                // DynamoDB accepts the value on the left (":v = pk", ":lo < sk")
                return new Part(
                        attribute(cmp.right(), b),
                        Op.valueOf(mirror(cmp.op()).name()),
                        value(cmp.left(), b),
                        null);
            }
            return new Part(
                    attribute(cmp.left(), b),
                    Op.valueOf(cmp.op().name()),
                    value(cmp.right(), b),
                    null);
        } else if (part instanceof Condition.Between bt) {
            return new Part(
                    attribute(bt.value(), b), Op.BETWEEN, value(bt.low(), b), value(bt.high(), b));
        } else if (part instanceof Condition.Call call && call.function().equals("begins_with")) {
            return new Part(
                    attribute(call.args().get(0), b),
                    Op.BEGINS_WITH,
                    value(call.args().get(1), b),
                    null);
        } else if (part instanceof Condition.Call call) {
            throw invalid("Invalid operator used in KeyConditionExpression: " + call.function());
        } else if (part instanceof Condition.In) {
            throw invalid("Invalid operator used in KeyConditionExpression: IN");
        }
        throw DynamoException.validation("Query key condition not supported");
    }

    private static KeyCondition single(List<Part> parts, KeyDef key) {
        Value hash = null;
        Op op = Op.NONE;
        Value low = null;
        Value high = null;
        Set<String> seen = new HashSet<>();
        for (Part p : parts) {
            seen.add(p.attr());
            if (p.attr().equals(key.hashName())) {
                if (p.op() != Op.EQ) {
                    throw DynamoException.validation("Query key condition not supported");
                }
                checkType(p.v1(), key.hashType());
                hash = p.v1();
            } else if (p.attr().equals(key.rangeName())) {
                checkSortOperands(p, key.rangeType());
                op = p.op();
                low = p.v1();
                high = p.v2();
            } else {
                throw DynamoException.validation(
                        "Query condition missed key schema element: "
                                + (seen.contains(key.hashName()) || hash != null
                                        ? key.rangeName()
                                        : key.hashName()));
            }
        }
        if (hash == null) {
            throw DynamoException.validation(
                    "Query condition missed key schema element: " + key.hashName());
        }
        return new KeyCondition(hash, op, low, high);
    }

    /** Type and operand checks of a condition on a sort key attribute of type {@code type}. */
    static void checkSortOperands(Part p, String type) {
        if (p.op() == Op.BEGINS_WITH && type.equals("N")) {
            throw invalid(
                    "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        }
        checkType(p.v1(), type);
        if (p.v2() != null) {
            checkType(p.v2(), type);
            if (KeyOrder.INSTANCE.compare(p.v1(), p.v2()) > 0) {
                throw invalid(
                        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
                                + Evaluator.render(p.v1())
                                + ", upper bound operand: AttributeValue: "
                                + Evaluator.render(p.v2()));
            }
        }
    }

    private static DynamoException invalid(String detail) {
        return ExpressionException.invalid(KIND, detail);
    }

    static void checkType(Value v, String type) {
        if (!v.type().equals(type)) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.And a) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else if (c instanceof Condition.Or) {
            throw invalid("Invalid operator used in KeyConditionExpression: OR");
        } else if (c instanceof Condition.Not) {
            throw invalid("Invalid operator used in KeyConditionExpression: NOT");
        } else {
            out.add(c);
        }
    }

    private static String attribute(Operand o, Bindings b) {
        if (o instanceof Operand.PathRef p
                && p.path().elems().size() == 1
                && !p.path().elems().get(0).isIndex()) {
            return b.name(p.path().elems().get(0));
        }
        if (o instanceof Operand.PathRef) {
            throw DynamoException.validation("Query key condition not supported");
        }
        throw DynamoException.validation("Query key condition not supported");
    }

    /** The comparison with its operands swapped: {@code :v < a} is {@code a > :v}. */
    private static Token.Kind mirror(Token.Kind op) {
        return switch (op) {
            case LT -> Token.Kind.GT;
            case LE -> Token.Kind.GE;
            case GT -> Token.Kind.LT;
            case GE -> Token.Kind.LE;
            default -> op;
        };
    }

    private static Value value(Operand o, Bindings b) {
        if (o instanceof Operand.ValueRef v) {
            return b.value(v.name());
        }
        throw DynamoException.validation("Query key condition not supported");
    }

    /** The top-level attribute names a condition refers to. */
    public static Set<String> topLevelNames(Condition c, Bindings b) {
        Set<String> out = new HashSet<>();
        collect(c, b, out);
        return out;
    }

    private static void collect(Condition c, Bindings b, Set<String> out) {
        if (c instanceof Condition.And a) {
            collect(a.left(), b, out);
            collect(a.right(), b, out);
        } else if (c instanceof Condition.Or o) {
            collect(o.left(), b, out);
            collect(o.right(), b, out);
        } else if (c instanceof Condition.Not n) {
            collect(n.inner(), b, out);
        } else if (c instanceof Condition.Compare cmp) {
            collect(cmp.left(), b, out);
            collect(cmp.right(), b, out);
        } else if (c instanceof Condition.Between bt) {
            collect(bt.value(), b, out);
            collect(bt.low(), b, out);
            collect(bt.high(), b, out);
        } else if (c instanceof Condition.In in) {
            collect(in.value(), b, out);
            in.candidates().forEach(o -> collect(o, b, out));
        } else if (c instanceof Condition.Call call) {
            call.args().forEach(o -> collect(o, b, out));
        }
    }

    private static void collect(Operand o, Bindings b, Set<String> out) {
        if (o instanceof Operand.PathRef p) {
            out.add(b.name(p.path().elems().get(0)));
        } else if (o instanceof Operand.Size s) {
            collect(s.arg(), b, out);
        }
    }
}
