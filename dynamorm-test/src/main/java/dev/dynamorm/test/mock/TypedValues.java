package dev.dynamorm.test.mock;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.internal.FieldValues;
import dev.dynamorm.test.mock.FieldTypes.FieldType;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The engine's rule for values given for typed fields, applied by {@link MockDB} to conditions and
 * update values before it compares calls: a value of the field's type stays as it is; a number or
 * text given for a field of another type (an {@code Instant}, an enum, a {@code UUID}, a {@code
 * long}) is read by the field's converter as if it were stored, so {@code "2026-01-01T00:00:00Z"}
 * for an {@code Instant} field becomes that {@code Instant}; a value the converter cannot read
 * ({@code "yesterday"}, an unknown enum constant, {@code 1.5} for a {@code long}) is refused with
 * the engine's message. Values for fields MockDB cannot type (see {@link FieldTypes}) stay as
 * given.
 */
final class TypedValues {

    private final FieldTypes fields;

    TypedValues(FieldTypes fields) {
        this.fields = fields;
    }

    /** A condition with each value typed as the engine binds it; the same condition if none is. */
    Condition condition(Class<?> model, Operation op, Condition condition) {
        if (condition instanceof Condition.Comparison c) {
            return comparison(model, op, c);
        }
        if (condition instanceof Condition.And a) {
            return new Condition.And(conditions(model, op, a.conditions()));
        }
        if (condition instanceof Condition.Or o) {
            return new Condition.Or(conditions(model, op, o.conditions()));
        }
        if (condition instanceof Condition.Not n) {
            return new Condition.Not(condition(model, op, n.condition()));
        }
        // size(...) compares with numbers and attribute_type(...) with a type: nothing to type
        return condition;
    }

    private List<Condition> conditions(Class<?> model, Operation op, List<Condition> conditions) {
        List<Condition> out = new ArrayList<>(conditions.size());
        for (Condition c : conditions) {
            out.add(condition(model, op, c));
        }
        return out;
    }

    private Condition comparison(Class<?> model, Operation op, Condition.Comparison c) {
        FieldType field = fields.resolve(model, c.field());
        if (field == null || field.converter() == null || c.values().isEmpty()) {
            return c;
        }
        if (c.operator() == Operator.CONTAINS || c.operator() == Operator.NOT_CONTAINS) {
            AttributeValue.Type t = field.converter().attributeType();
            // on a list or set the engine binds the member by its own type
            if (t != AttributeValue.Type.S && t != AttributeValue.Type.B) {
                return c;
            }
        }
        List<Object> values = new ArrayList<>(c.values().size());
        for (Object v : c.values()) {
            values.add(field(model, op, c.field(), field, v));
        }
        return new Condition.Comparison(c.field(), c.operator(), values);
    }

    /** A value set on a whole field (or a nested or map path), as the engine binds it. */
    Object fieldValue(Class<?> model, Operation op, String path, Object value) {
        FieldType field = fields.resolve(model, path);
        return field == null || value == null ? value : field(model, op, path, field, value);
    }

    /** A key with its values typed for the model's key fields, as the engine binds them. */
    Key key(Class<?> model, Operation op, Key key) {
        Object pk = keyValue(model, op, KeyRole.PARTITION, key.partitionKey());
        Object sk = keyValue(model, op, KeyRole.SORT, key.sortKey());
        return pk == key.partitionKey() && sk == key.sortKey() ? key : new Key(pk, sk);
    }

    private Object keyValue(Class<?> model, Operation op, KeyRole role, Object value) {
        String name = value == null ? null : ModelTypes.keyField(model, role);
        return name == null ? value : fieldValue(model, op, name, value);
    }

    /** A value set on one element of a list field, as the engine binds it. */
    Object listElement(Class<?> model, Operation op, String path, int index, Object value) {
        FieldType element = fields.listElement(model, path);
        if (element == null || element.converter() == null || value == null) {
            return value;
        }
        Object typed = typed(element, value);
        if (typed == null) {
            throw doesNotFit(
                    model,
                    op,
                    value,
                    "list element '" + path + "[" + index + "]'",
                    fields.resolve(model, path));
        }
        return typed;
    }

    private static Object field(
            Class<?> model, Operation op, String path, FieldType field, Object value) {
        if (field.converter() == null || value == null) {
            return value;
        }
        Object typed = typed(field, value);
        if (typed == null) {
            throw doesNotFit(model, op, value, "field '" + path + "'", field);
        }
        return typed;
    }

    /** The value as a value of the field's type, or null when it cannot be one. */
    private static Object typed(FieldType field, Object value) {
        Class<?> type = field.rawType();
        return FieldValues.fits(type, value)
                ? value
                : FieldValues.readAsStored(field.converter(), type, value);
    }

    private static InvalidRequestException doesNotFit(
            Class<?> model, Operation op, Object value, String what, FieldType field) {
        return FieldValues.doesNotFit(model, op, value, what, field.type());
    }
}
