package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one condition compiler of the engine: compiles {@link Condition} trees into DynamoDB
 * condition, filter or key-condition expression text, resolving Java field paths to attribute
 * names. Queries and writes share its type rules (which operator fits which field); they differ
 * only in where values go ({@link Placeholders}): a cached query plan records {@link Slot}s bound
 * per call, a write binds each value at once. Every bad input fails before anything is sent.
 */
public final class ConditionCompiler {

    /** DynamoDB's limit on the operands of IN. */
    public static final int MAX_IN_VALUES = 100;

    private final ValueBinder binder;

    /**
     * Creates the compiler of one engine.
     *
     * @param binder binds the values of writes' conditions
     */
    public ConditionCompiler(ValueBinder binder) {
        this.binder = binder;
    }

    /**
     * Compiles a condition of a write into expression text with bound values, registering
     * placeholders in {@code expr}.
     *
     * @param model the model
     * @param condition the condition
     * @param expr the request's placeholders
     * @param op the operation, for messages
     * @return the expression text
     * @throws InvalidRequestException for a condition that does not fit the model
     */
    public String compile(
            ModelMetadata<?> model, Condition condition, ExpressionBuilder expr, Operation op) {
        SlotValues values = new SlotValues(binder, model.type(), op);
        Placeholders out =
                new Placeholders() {
                    @Override
                    public String name(String attributeName) {
                        return expr.name(attributeName);
                    }

                    @Override
                    public String path(AttributePath path) {
                        return expr.path(path);
                    }

                    @Override
                    public String value(Slot slot, Object value) {
                        return expr.value(values.bind(slot, value));
                    }
                };
        return render(model, condition, op, out, new int[] {0});
    }

    /**
     * Renders a condition, handing each value operand to {@code out} as a slot numbered from {@code
     * next[0]} (advanced past the condition's values, in the order {@code Condition#values()} lists
     * them depth first).
     *
     * @param model the model
     * @param c the condition
     * @param op the operation, for messages
     * @param out where placeholders go
     * @param next the next value index (updated)
     * @return the expression text
     * @throws InvalidRequestException for a condition that does not fit the model
     */
    public static String render(
            ModelMetadata<?> model, Condition c, Operation op, Placeholders out, int[] next) {
        return new Renderer(model, op, out, next).render(c);
    }

    /** One rendering. */
    private static final class Renderer {
        private final ModelMetadata<?> model;
        private final Class<?> type;
        private final Operation op;
        private final Placeholders out;
        private final int[] next;

        Renderer(ModelMetadata<?> model, Operation op, Placeholders out, int[] next) {
            this.model = model;
            this.type = model.type();
            this.op = op;
            this.out = out;
            this.next = next;
        }

        String render(Condition c) {
            if (c instanceof Condition.Comparison cmp) {
                return comparison(cmp);
            }
            if (c instanceof Condition.Size s) {
                return size(s);
            }
            if (c instanceof Condition.AttributeType at) {
                AttributePath path = resolve(at.field());
                return "attribute_type("
                        + out.path(path)
                        + ", "
                        + value(Slot.Mode.TYPE, null, at.field(), false, at.wireName())
                        + ")";
            }
            if (c instanceof Condition.And and) {
                return join(and.conditions(), " AND ");
            }
            if (c instanceof Condition.Or or) {
                return join(or.conditions(), " OR ");
            }
            return "NOT (" + render(((Condition.Not) c).condition()) + ")";
        }

        private String join(List<Condition> parts, String glue) {
            StringJoiner joined = new StringJoiner(glue);
            for (Condition part : parts) {
                joined.add("(" + render(part) + ")");
            }
            return joined.toString();
        }

        private String value(
                Slot.Mode mode, FieldMetadata leaf, String field, boolean high, Object value) {
            return out.value(new Slot(next[0]++, mode, leaf, field, high), value);
        }

        /** Resolves a field path, refusing paths in or under {@code @Encrypted} fields. */
        private AttributePath resolve(String field) {
            AttributePath path = AttributePath.resolve(model, field, op);
            if (path.encrypted(model)) {
                throw invalid(
                        "field '%s' of model %s is @Encrypted and cannot be used in a condition: its stored "
                                + "value is ciphertext",
                        field, type.getName());
            }
            return path;
        }

        private String comparison(Condition.Comparison c) {
            AttributePath path = resolve(c.field());
            String p = out.path(path);
            Slot.Mode mode = path.indexed() ? Slot.Mode.ELEMENT : Slot.Mode.FIELD;
            FieldMetadata leaf = path.leaf();
            String field = c.field();
            List<Object> values = c.values();
            Operator operator = c.operator();
            return switch (operator) {
                case EXISTS -> "attribute_exists(" + p + ")";
                case NOT_EXISTS -> "attribute_not_exists(" + p + ")";
                case BETWEEN -> {
                    String low = value(mode, leaf, field, false, values.get(0));
                    String high = value(mode, leaf, field, true, values.get(1));
                    yield p + " BETWEEN " + low + " AND " + high;
                }
                case IN -> {
                    int n = values.size();
                    if (n == 0 || n > MAX_IN_VALUES) {
                        throw invalid(
                                "IN on field '%s' of model %s needs 1 to %d values, got %d",
                                field, type.getName(), MAX_IN_VALUES, n);
                    }
                    StringJoiner list = new StringJoiner(", ", " IN (", ")");
                    for (int i = 0; i < n; i++) {
                        list.add(value(mode, leaf, field, false, values.get(i)));
                    }
                    yield p + list;
                }
                case BEGINS_WITH -> {
                    AttributeValue.Type t = path.indexed() ? null : leaf.attributeType();
                    if (t != null && t != AttributeValue.Type.S && t != AttributeValue.Type.B) {
                        throw invalid(
                                "BEGINS_WITH needs a string or binary field, but '%s' of model %s is %s",
                                field, type.getName(), leaf.genericType().getTypeName());
                    }
                    yield "begins_with("
                            + p
                            + ", "
                            + value(mode, leaf, field, false, values.get(0))
                            + ")";
                }
                case CONTAINS, NOT_CONTAINS -> {
                    AttributeValue.Type t = path.indexed() ? null : leaf.attributeType();
                    if (t == AttributeValue.Type.N || t == AttributeValue.Type.BOOL) {
                        throw invalid(
                                "%s needs a string, binary, set or list field, but '%s' of model %s is %s",
                                operator.symbol(),
                                field,
                                type.getName(),
                                leaf.genericType().getTypeName());
                    }
                    Slot.Mode m =
                            t == AttributeValue.Type.S || t == AttributeValue.Type.B
                                    ? mode
                                    : Slot.Mode.ELEMENT;
                    String call =
                            "contains("
                                    + p
                                    + ", "
                                    + value(m, leaf, field, false, values.get(0))
                                    + ")";
                    yield operator == Operator.CONTAINS ? call : "NOT " + call;
                }
                default ->
                        p
                                + " "
                                + operator.symbol()
                                + " "
                                + value(mode, leaf, field, false, values.get(0));
            };
        }

        private String size(Condition.Size s) {
            AttributePath path = resolve(s.field());
            AttributeValue.Type t = path.indexed() ? null : path.leaf().attributeType();
            if (t == AttributeValue.Type.N || t == AttributeValue.Type.BOOL) {
                throw invalid(
                        "SIZE needs a string, binary, set, list or map field, but '%s' of model %s is %s",
                        s.field(), type.getName(), path.leaf().genericType().getTypeName());
            }
            String p = "size(" + out.path(path) + ")";
            List<Object> values = s.values();
            return switch (s.operator()) {
                case BETWEEN -> {
                    String low = value(Slot.Mode.SIZE, null, s.field(), false, values.get(0));
                    String high = value(Slot.Mode.SIZE, null, s.field(), true, values.get(1));
                    yield p + " BETWEEN " + low + " AND " + high;
                }
                case IN -> {
                    int n = values.size();
                    if (n == 0 || n > MAX_IN_VALUES) {
                        throw invalid(
                                "SIZE IN on field '%s' of model %s needs 1 to %d values, got %d",
                                s.field(), type.getName(), MAX_IN_VALUES, n);
                    }
                    StringJoiner list = new StringJoiner(", ", " IN (", ")");
                    for (int i = 0; i < n; i++) {
                        list.add(value(Slot.Mode.SIZE, null, s.field(), false, values.get(i)));
                    }
                    yield p + list;
                }
                default ->
                        p
                                + " "
                                + s.operator().symbol()
                                + " "
                                + value(Slot.Mode.SIZE, null, s.field(), false, values.get(0));
            };
        }

        private InvalidRequestException invalid(String format, Object... args) {
            return new InvalidRequestException(
                    String.format(Locale.ROOT, format, args), op, type, null);
        }
    }
}
