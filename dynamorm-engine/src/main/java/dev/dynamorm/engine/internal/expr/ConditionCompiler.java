package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compiles {@link Condition} trees into DynamoDB condition or filter expression text, resolving
 * Java field paths to attribute names and binding values through the field converters. Every bad
 * input fails here, before anything is sent.
 */
public final class ConditionCompiler {

    /** DynamoDB's limit on the operands of IN. */
    public static final int MAX_IN_VALUES = 100;

    private final ValueBinder binder;

    public ConditionCompiler(ValueBinder binder) {
        this.binder = binder;
    }

    /** Compiles a condition tree into expression text, registering placeholders in {@code expr}. */
    public String compile(
            ModelMetadata<?> model, Condition condition, ExpressionBuilder expr, Operation op) {
        if (condition instanceof Condition.Comparison c) {
            return comparison(model, c, expr, op);
        }
        if (condition instanceof Condition.And and) {
            return join(model, and.conditions(), " AND ", expr, op);
        }
        if (condition instanceof Condition.Or or) {
            return join(model, or.conditions(), " OR ", expr, op);
        }
        if (condition instanceof Condition.Size size) {
            return size(model, size, expr, op);
        }
        if (condition instanceof Condition.AttributeType at) {
            AttributePath path = resolve(model, at.field(), op);
            return "attribute_type("
                    + path.render(expr)
                    + ", "
                    + expr.value(AttributeValue.createS(at.wireName()))
                    + ")";
        }
        Condition.Not not = (Condition.Not) condition;
        return "NOT (" + compile(model, not.condition(), expr, op) + ")";
    }

    /**
     * Resolves a field path of a condition, refusing paths in or under {@code @Encrypted} fields.
     */
    private static AttributePath resolve(ModelMetadata<?> model, String field, Operation op) {
        AttributePath path = AttributePath.resolve(model, field, op);
        if (path.encrypted(model)) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "field '%s' of model %s is @Encrypted and cannot be used in a condition: its stored value is "
                                    + "ciphertext",
                            field,
                            model.type().getName()),
                    op,
                    model.type(),
                    null);
        }
        return path;
    }

    private String size(
            ModelMetadata<?> model, Condition.Size c, ExpressionBuilder expr, Operation op) {
        AttributePath path = resolve(model, c.field(), op);
        Class<?> type = model.type();
        AttributeValue.Type t = path.indexed() ? null : path.leaf().attributeType();
        if (t == AttributeValue.Type.N || t == AttributeValue.Type.BOOL) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "SIZE needs a string, binary, set, list or map field, but '%s' of model %s is %s",
                            c.field(),
                            type.getName(),
                            path.leaf().genericType().getTypeName()),
                    op,
                    type,
                    null);
        }
        int n = c.values().size();
        if (c.operator() == Operator.IN && (n == 0 || n > MAX_IN_VALUES)) {
            throw new InvalidRequestException(
                    String.format(
                            Locale.ROOT,
                            "SIZE IN on field '%s' of model %s needs 1 to %d values, got %d",
                            c.field(),
                            type.getName(),
                            MAX_IN_VALUES,
                            n),
                    op,
                    type,
                    null);
        }
        List<AttributeValue> numbers = new java.util.ArrayList<>(n);
        for (Object v : c.values()) {
            if (!(v instanceof Number num)) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "SIZE on field '%s' of model %s compares with a number, got %s",
                                c.field(),
                                type.getName(),
                                v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")"),
                        op,
                        type,
                        null);
            }
            numbers.add(AttributeValue.createN(ValueBinder.numberText(num)));
        }
        String p = "size(" + path.render(expr) + ")";
        switch (c.operator()) {
            case BETWEEN:
                {
                    if (AttributeValues.compare(numbers.get(0), numbers.get(1)) > 0) {
                        throw new InvalidRequestException(
                                String.format(
                                        Locale.ROOT,
                                        "BETWEEN on field '%s' of model %s has low %s greater than high %s",
                                        c.field(),
                                        type.getName(),
                                        c.values().get(0),
                                        c.values().get(1)),
                                op,
                                type,
                                null);
                    }
                    return p
                            + " BETWEEN "
                            + expr.value(numbers.get(0))
                            + " AND "
                            + expr.value(numbers.get(1));
                }
            case IN:
                {
                    StringJoiner list = new StringJoiner(", ", " IN (", ")");
                    numbers.forEach(v -> list.add(expr.value(v)));
                    return p + list;
                }
            default:
                return p + " " + c.operator().symbol() + " " + expr.value(numbers.get(0));
        }
    }

    private String join(
            ModelMetadata<?> model,
            List<Condition> parts,
            String glue,
            ExpressionBuilder expr,
            Operation op) {
        StringJoiner out = new StringJoiner(glue);
        for (Condition part : parts) {
            out.add("(" + compile(model, part, expr, op) + ")");
        }
        return out.toString();
    }

    private String comparison(
            ModelMetadata<?> model, Condition.Comparison c, ExpressionBuilder expr, Operation op) {
        AttributePath path = resolve(model, c.field(), op);
        Class<?> type = model.type();
        String p = path.render(expr);
        Operator operator = c.operator();
        switch (operator) {
            case EXISTS:
                return "attribute_exists(" + p + ")";
            case NOT_EXISTS:
                return "attribute_not_exists(" + p + ")";
            case BETWEEN:
                {
                    AttributeValue low = bind(model, c, path, c.values().get(0), op);
                    AttributeValue high = bind(model, c, path, c.values().get(1), op);
                    if (AttributeValues.compare(low, high) > 0) {
                        throw new InvalidRequestException(
                                String.format(
                                        Locale.ROOT,
                                        "BETWEEN on field '%s' of model %s has low %s greater than high %s",
                                        c.field(),
                                        type.getName(),
                                        c.values().get(0),
                                        c.values().get(1)),
                                op,
                                type,
                                null);
                    }
                    return p + " BETWEEN " + expr.value(low) + " AND " + expr.value(high);
                }
            case IN:
                {
                    int n = c.values().size();
                    if (n == 0 || n > MAX_IN_VALUES) {
                        throw new InvalidRequestException(
                                String.format(
                                        Locale.ROOT,
                                        "IN on field '%s' of model %s needs 1 to %d values, got %d",
                                        c.field(),
                                        type.getName(),
                                        MAX_IN_VALUES,
                                        n),
                                op,
                                type,
                                null);
                    }
                    StringJoiner list = new StringJoiner(", ", " IN (", ")");
                    for (Object v : c.values()) {
                        list.add(expr.value(bind(model, c, path, v, op)));
                    }
                    return p + list;
                }
            case BEGINS_WITH:
                {
                    AttributeValue.Type t = path.indexed() ? null : path.leaf().attributeType();
                    if (t != null && t != AttributeValue.Type.S && t != AttributeValue.Type.B) {
                        throw new InvalidRequestException(
                                String.format(
                                        Locale.ROOT,
                                        "BEGINS_WITH needs a string or binary field, but '%s' of model %s is %s",
                                        c.field(),
                                        type.getName(),
                                        path.leaf().genericType().getTypeName()),
                                op,
                                type,
                                null);
                    }
                    return "begins_with("
                            + p
                            + ", "
                            + expr.value(bind(model, c, path, c.values().get(0), op))
                            + ")";
                }
            case CONTAINS:
            case NOT_CONTAINS:
                {
                    Object v = c.values().get(0);
                    AttributeValue.Type t = path.indexed() ? null : path.leaf().attributeType();
                    AttributeValue av =
                            t == AttributeValue.Type.S || t == AttributeValue.Type.B
                                    ? bind(model, c, path, v, op)
                                    : binder.bindElement(type, op, c.field(), v);
                    String call = "contains(" + p + ", " + expr.value(av) + ")";
                    return operator == Operator.CONTAINS ? call : "NOT " + call;
                }
            default:
                return p
                        + " "
                        + operator.symbol()
                        + " "
                        + expr.value(bind(model, c, path, c.values().get(0), op));
        }
    }

    private AttributeValue bind(
            ModelMetadata<?> model,
            Condition.Comparison c,
            AttributePath path,
            Object value,
            Operation op) {
        if (path.indexed()) {
            return binder.bindElement(model.type(), op, c.field(), value);
        }
        return binder.bind(model.type(), op, c.field(), path.leaf(), value);
    }
}
