package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyOrder;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Evaluates conditions against an item (a missing item is the empty map). */
public final class Evaluator {

    private final Bindings bindings;

    public Evaluator(Bindings bindings) {
        this.bindings = bindings;
    }

    Bindings bindings() {
        return bindings;
    }

    public boolean test(Condition c, Map<String, Value> item) {
        if (c instanceof Condition.And a) {
            return test(a.left(), item) && test(a.right(), item);
        } else if (c instanceof Condition.Or o) {
            return test(o.left(), item) || test(o.right(), item);
        } else if (c instanceof Condition.Not n) {
            return !test(n.inner(), item);
        } else if (c instanceof Condition.Compare cmp) {
            return compare(cmp.op(), operand(cmp.left(), item), operand(cmp.right(), item));
        } else if (c instanceof Condition.Between b) {
            Value v = operand(b.value(), item);
            Value lo = operand(b.low(), item);
            Value hi = operand(b.high(), item);
            return v != null
                    && lo != null
                    && hi != null
                    && sameScalarType(lo, hi)
                    && compare(Token.Kind.GE, v, lo)
                    && compare(Token.Kind.LE, v, hi);
        } else if (c instanceof Condition.In in) {
            Value v = operand(in.value(), item);
            for (Operand o : in.candidates()) {
                if (v != null && v.equals(operand(o, item))) {
                    return true;
                }
            }
            return false;
        } else if (c instanceof Condition.Call call) {
            return call(call, item);
        }
        throw new IllegalStateException(String.valueOf(c));
    }

    private boolean call(Condition.Call call, Map<String, Value> item) {
        List<Operand> args = call.args();
        Value first = operand(args.get(0), item);
        switch (call.function()) {
            case "attribute_exists" -> {
                return first != null;
            }
            case "attribute_not_exists" -> {
                return first == null;
            }
            case "attribute_type" -> {
                Value t = operand(args.get(1), item);
                return first != null && t instanceof Value.S s && first.type().equals(s.v());
            }
            case "begins_with" -> {
                Value prefix = operand(args.get(1), item);
                if (first instanceof Value.S s && prefix instanceof Value.S p) {
                    return s.v().startsWith(p.v());
                }
                if (first instanceof Value.B b && prefix instanceof Value.B p) {
                    return b.v().startsWith(p.v());
                }
                return false;
            }
            case "contains" -> {
                Value needle = operand(args.get(1), item);
                if (first == null || needle == null) {
                    return false;
                }
                if (first instanceof Value.S s && needle instanceof Value.S n) {
                    return s.v().contains(n.v());
                }
                if (first instanceof Value.B b && needle instanceof Value.B n) {
                    return containsBytes(b.v().toArray(), n.v().toArray());
                }
                if (first instanceof Value.SS ss && needle instanceof Value.S n) {
                    return ss.v().contains(n.v());
                }
                if (first instanceof Value.NS ns && needle instanceof Value.N n) {
                    return ns.v().contains(n.v());
                }
                if (first instanceof Value.BS bs && needle instanceof Value.B n) {
                    return bs.v().contains(n.v());
                }
                if (first instanceof Value.L l) {
                    return l.v().contains(needle);
                }
                return false;
            }
            default -> throw new IllegalStateException(call.function());
        }
    }

    private static boolean containsBytes(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Evaluates an operand; null means the attribute does not exist. */
    Value operand(Operand o, Map<String, Value> item) {
        if (o instanceof Operand.ValueRef v) {
            return bindings.value(v.name());
        } else if (o instanceof Operand.PathRef p) {
            return Documents.get(item, bindings.resolve(p.path()));
        } else if (o instanceof Operand.Size s) {
            Value v = operand(s.arg(), item);
            if (v == null) {
                return null;
            }
            long size;
            if (v instanceof Value.S str) {
                size = str.v().codePointCount(0, str.v().length());
            } else if (v instanceof Value.B b) {
                size = b.v().length();
            } else if (v instanceof Value.SS ss) {
                size = ss.v().size();
            } else if (v instanceof Value.NS ns) {
                size = ns.v().size();
            } else if (v instanceof Value.BS bs) {
                size = bs.v().size();
            } else if (v instanceof Value.L l) {
                size = l.v().size();
            } else if (v instanceof Value.M m) {
                size = m.v().size();
            } else {
                return null; // size of a number, boolean or null: the comparison using it is false
            }
            return Value.n(BigDecimal.valueOf(size));
        }
        throw new IllegalStateException(String.valueOf(o));
    }

    static boolean sameScalarType(Value a, Value b) {
        return a.type().equals(b.type())
                && (a instanceof Value.S || a instanceof Value.N || a instanceof Value.B);
    }

    static boolean compare(Token.Kind op, Value a, Value b) {
        if (op == Token.Kind.EQ) {
            return a != null && a.equals(b);
        }
        if (op == Token.Kind.NE) {
            // two missing attributes are not equal either: DynamoDB finds "a <> b" true then
            return a == null || !a.equals(b);
        }
        if (a == null || b == null || !sameScalarType(a, b)) {
            return false;
        }
        int c = KeyOrder.INSTANCE.compare(a, b);
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalStateException(op.name());
        };
    }

    static String render(Value v) {
        Map<String, Object> json = AttributeCodec.toJson(v);
        Map.Entry<String, Object> e = json.entrySet().iterator().next();
        return "{" + e.getKey() + ":" + e.getValue() + "}";
    }

    static DynamoException typeError(String kind) {
        return DynamoException.validation(
                "An operand in the update expression has an incorrect data type");
    }
}
