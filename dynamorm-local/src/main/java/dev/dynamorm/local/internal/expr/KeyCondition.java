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
 */
public record KeyCondition(Value hash, Op op, Value low, Value high) {
    private static final String KIND = "KeyConditionExpression";

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
        if (op != Op.BEGINS_WITH) {
            return true;
        }
        if (sort instanceof Value.S s && low instanceof Value.S p) {
            return s.v().startsWith(p.v());
        }
        if (sort instanceof Value.B b && low instanceof Value.B p) {
            return b.v().startsWith(p.v());
        }
        return false;
    }

    public static KeyCondition analyze(Condition c, Bindings b, KeyDef key) {
        List<Condition> parts = new ArrayList<>();
        flatten(c, parts);
        if (parts.size() > 2) {
            throw DynamoException.validation(
                    "KeyConditionExpressions must only contain one condition per key");
        }
        Value hash = null;
        Op op = Op.NONE;
        Value low = null;
        Value high = null;
        Set<String> seen = new HashSet<>();
        for (Condition part : parts) {
            String attr;
            Op partOp;
            Value v1;
            Value v2 = null;
            if (part instanceof Condition.Compare cmp) {
                if (cmp.op() == Token.Kind.NE) {
                    throw invalid("Invalid operator used in KeyConditionExpression: <>");
                }
                if (cmp.left() instanceof Operand.ValueRef
                        && cmp.right() instanceof Operand.PathRef) {
                    // DynamoDB accepts the value on the left (":v = pk", ":lo < sk")
                    attr = attribute(cmp.right(), b);
                    v1 = value(cmp.left(), b);
                    partOp = Op.valueOf(mirror(cmp.op()).name());
                } else {
                    attr = attribute(cmp.left(), b);
                    v1 = value(cmp.right(), b);
                    partOp = Op.valueOf(cmp.op().name());
                }
            } else if (part instanceof Condition.Between bt) {
                attr = attribute(bt.value(), b);
                v1 = value(bt.low(), b);
                v2 = value(bt.high(), b);
                partOp = Op.BETWEEN;
            } else if (part instanceof Condition.Call call
                    && call.function().equals("begins_with")) {
                attr = attribute(call.args().get(0), b);
                v1 = value(call.args().get(1), b);
                partOp = Op.BEGINS_WITH;
            } else if (part instanceof Condition.Call call) {
                throw invalid(
                        "Invalid operator used in KeyConditionExpression: " + call.function());
            } else if (part instanceof Condition.In) {
                throw invalid("Invalid operator used in KeyConditionExpression: IN");
            } else {
                throw DynamoException.validation("Query key condition not supported");
            }
            if (!seen.add(attr)) {
                throw DynamoException.validation(
                        "KeyConditionExpressions must only contain one condition per key");
            }
            if (attr.equals(key.hashName())) {
                if (partOp != Op.EQ) {
                    throw DynamoException.validation("Query key condition not supported");
                }
                checkType(v1, key.hashType());
                hash = v1;
            } else if (attr.equals(key.rangeName())) {
                if (partOp == Op.BEGINS_WITH && key.rangeType().equals("N")) {
                    throw invalid(
                            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
                }
                checkType(v1, key.rangeType());
                if (v2 != null) {
                    checkType(v2, key.rangeType());
                    if (KeyOrder.INSTANCE.compare(v1, v2) > 0) {
                        throw invalid(
                                "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
                                        + Evaluator.render(v1)
                                        + ", upper bound operand: AttributeValue: "
                                        + Evaluator.render(v2));
                    }
                }
                op = partOp;
                low = v1;
                high = v2;
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

    private static DynamoException invalid(String detail) {
        return ExpressionException.invalid(KIND, detail);
    }

    private static void checkType(Value v, String type) {
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
