package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import dev.dynamorm.internal.UpdateRecorder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compiles the actions of an update builder into the SET, REMOVE, ADD and DELETE clauses of one
 * update expression, binding every value through the field's converter and refusing actions that do
 * not fit the model (wrong type, nested where DynamoDB needs top level, overlapping paths, the
 * managed version). Thread-safe; the {@link Clauses} of one request are not.
 */
public final class UpdateCompiler {

    private final ModelMetadata<?> model;
    private final ValueBinder values;

    /**
     * Creates the compiler of one model.
     *
     * @param model the model
     * @param values the value binder
     */
    public UpdateCompiler(ModelMetadata<?> model, ValueBinder values) {
        this.model = model;
        this.values = values;
    }

    /**
     * Starts the clauses of one update expression.
     *
     * @return empty clauses
     */
    public Clauses clauses() {
        return new Clauses();
    }

    /** The clauses of an update expression and the paths they touch. */
    public final class Clauses {
        public final StringJoiner set = new StringJoiner(", ");
        public final StringJoiner remove = new StringJoiner(", ");
        public final StringJoiner add = new StringJoiner(", ");
        public final StringJoiner delete = new StringJoiner(", ");
        final List<List<String>> paths = new ArrayList<>();
        final List<String> javaPaths = new ArrayList<>();

        /**
         * Attribute name to the value placeholder of each whole {@code @Encrypted} field an action
         * sets.
         */
        public final Map<String, String> encrypted = new java.util.LinkedHashMap<>();

        /** Attribute name to the value placeholder of each plain top-level assignment. */
        private final Map<String, String> assigned = new java.util.LinkedHashMap<>();

        /** Registers a path, failing when it is, contains or is inside a path already used. */
        public void claim(List<String> segments, String javaPath) {
            for (int i = 0; i < paths.size(); i++) {
                List<String> other = paths.get(i);
                int n = Math.min(other.size(), segments.size());
                if (other.subList(0, n).equals(segments.subList(0, n))) {
                    throw new InvalidRequestException(
                            String.format(
                                    Locale.ROOT,
                                    "update of model %s has two actions on %s: '%s' and '%s'; DynamoDB rejects actions on "
                                            + "the same or overlapping paths: combine them into one action",
                                    model.type().getName(),
                                    other.size() == segments.size()
                                            ? "the same path"
                                            : "overlapping paths",
                                    javaPaths.get(i),
                                    javaPath),
                            Operation.UPDATE,
                            model.type(),
                            null);
                }
            }
            paths.add(segments);
            javaPaths.add(javaPath);
        }

        /**
         * Adds the plain assignment {@code name = value} of a top-level attribute to the SET
         * clause.
         *
         * @param attributeName the attribute assigned
         * @param name its name placeholder
         * @param value the placeholder of its new value
         */
        public void assign(String attributeName, String name, String value) {
            set.add(name + " = " + value);
            assigned.put(attributeName, value);
        }

        /**
         * What these clauses write, for hooks: the top-level attribute of every claimed path and
         * the plain assignments.
         *
         * @return the writes of the update
         */
        public UpdateWrites writes() {
            Set<String> changed = new LinkedHashSet<>();
            for (List<String> p : paths) {
                changed.add(p.get(0));
            }
            return UpdateWrites.compiled(
                    changed,
                    assigned,
                    set.toString(),
                    remove.toString(),
                    add.toString(),
                    delete.toString());
        }

        public boolean touches(String attributeName) {
            for (List<String> p : paths) {
                if (p.get(0).equals(attributeName)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The update expression text of the clauses.
         *
         * @return the text; empty when no action was compiled
         */
        public String render() {
            return writes().text();
        }
    }

    /**
     * Compiles one action of an update builder into the clauses, binding its values.
     *
     * @param a the action
     * @param expr the request's placeholders
     * @param clauses the clauses being built
     * @throws InvalidRequestException when the action does not fit the model
     */
    public void compile(UpdateRecorder.Action a, ExpressionBuilder expr, Clauses clauses) {
        UpdateRecorder.Kind kind = a.kind();
        String javaPath = a.field();
        if (kind == UpdateRecorder.Kind.REMOVE_AT || kind == UpdateRecorder.Kind.SET_AT) {
            if (a.index() < 0) {
                throw invalid(
                        "list index for field '%s' of model %s must be 0 or more, got %d",
                        a.field(), model.type().getName(), a.index());
            }
            javaPath = a.field() + "[" + a.index() + "]";
        }
        AttributePath path = AttributePath.resolve(model, javaPath, Operation.UPDATE);
        FieldMetadata top = model.fieldByAttribute(path.segments().get(0));
        if (top != null && (top.isPartitionKey() || top.isSortKey())) {
            throw invalid(
                    "cannot update key field '%s' of model %s: the key identifies the item (delete it and "
                            + "create a new one instead)",
                    a.field(), model.type().getName());
        }
        if (top != null && top.isVersion()) {
            throw managedVersion(a.field());
        }
        boolean encrypted = path.encrypted(model);
        if (encrypted
                && !(path.isTopLevel()
                        && !path.indexed()
                        && (kind == UpdateRecorder.Kind.SET
                                || kind == UpdateRecorder.Kind.SET_IF_NOT_EXISTS
                                || kind == UpdateRecorder.Kind.REMOVE))) {
            throw invalid(
                    "field '%s' of model %s is @Encrypted, so %s cannot work on it: its stored value is "
                            + "ciphertext; set(...) or remove(...) the whole field instead",
                    javaPath, model.type().getName(), describe(a, path));
        }
        clauses.claim(path.segments(), javaPath);
        String p = path.render(expr);
        FieldMetadata leaf = path.leaf();
        switch (kind) {
            case SET -> {
                if (a.value() == null) {
                    clauses.remove.add(p);
                } else {
                    String v =
                            expr.value(
                                    encrypted
                                            ? bindSecret(path, a.field(), a.value())
                                            : bind(path, a.field(), a.value()));
                    if (encrypted) {
                        clauses.encrypted.put(path.segments().get(0), v);
                    }
                    if (path.isTopLevel() && !path.indexed()) {
                        clauses.assign(path.segments().get(0), p, v);
                    } else {
                        clauses.set.add(p + " = " + v);
                    }
                }
            }
            case SET_IF_NOT_EXISTS -> {
                String v =
                        expr.value(
                                encrypted
                                        ? bindSecret(path, a.field(), a.value())
                                        : bind(path, a.field(), a.value()));
                if (encrypted) {
                    clauses.encrypted.put(path.segments().get(0), v);
                }
                clauses.set.add(p + " = if_not_exists(" + p + ", " + v + ")");
            }
            case SET_AT ->
                    clauses.set.add(
                            p
                                    + " = "
                                    + expr.value(
                                            values.bindListElement(
                                                    model.type(),
                                                    Operation.UPDATE,
                                                    javaPath,
                                                    leaf,
                                                    a.value())));
            case REMOVE, REMOVE_AT -> {
                if (kind == UpdateRecorder.Kind.REMOVE_AT) {
                    requireType(leaf, a.field(), "removeFromList", AttributeValue.Type.L);
                }
                clauses.remove.add(p);
            }
            case ADD -> {
                requireTopLevel(path, a.field(), "add");
                AttributeValue.Type t = leaf.attributeType();
                if (t == AttributeValue.Type.N) {
                    clauses.add.add(
                            p
                                    + " "
                                    + expr.value(
                                            WholeNumbers.fit(
                                                    leaf,
                                                    a.field(),
                                                    model,
                                                    number(a.field(), a.value(), false))));
                } else if (isSet(t)) {
                    clauses.add.add(p + " " + expr.value(members(leaf, a.field(), a.value())));
                } else {
                    throw invalid(
                            "add needs a number or set field, but '%s' of model %s is %s",
                            a.field(), model.type().getName(), leaf.genericType().getTypeName());
                }
            }
            case INCREMENT -> {
                if (!path.indexed()) {
                    requireType(
                            leaf,
                            a.field(),
                            a.negate() ? "decrement" : "increment",
                            AttributeValue.Type.N);
                }
                AttributeValue amount = number(a.field(), a.value(), a.negate());
                if (!path.indexed()) {
                    amount = WholeNumbers.fit(leaf, a.field(), model, amount);
                }
                if (path.isTopLevel() && !path.indexed()) {
                    clauses.add.add(p + " " + expr.value(amount));
                } else {
                    clauses.set.add(
                            p
                                    + " = if_not_exists("
                                    + p
                                    + ", "
                                    + expr.value(AttributeValue.createN("0"))
                                    + ") + "
                                    + expr.value(amount));
                }
            }
            case DELETE -> {
                requireTopLevel(path, a.field(), "delete");
                if (!isSet(leaf.attributeType())) {
                    throw invalid(
                            "delete removes members of a set, but '%s' of model %s is %s",
                            a.field(), model.type().getName(), leaf.genericType().getTypeName());
                }
                clauses.delete.add(p + " " + expr.value(members(leaf, a.field(), a.value())));
            }
            case APPEND, PREPEND -> {
                if (path.indexed()) {
                    throw invalid(
                            "%s needs a list field, not the list element '%s' of model %s",
                            kind == UpdateRecorder.Kind.APPEND ? "appendToList" : "prependToList",
                            javaPath,
                            model.type().getName());
                }
                requireType(
                        leaf,
                        a.field(),
                        kind == UpdateRecorder.Kind.APPEND ? "appendToList" : "prependToList",
                        AttributeValue.Type.L);
                List<Object> values = asList(a.value());
                if (values.isEmpty()) {
                    throw invalid(
                            "no values to add to list '%s' of model %s",
                            a.field(), model.type().getName());
                }
                String v = expr.value(bind(path, a.field(), values));
                String existing =
                        "if_not_exists("
                                + p
                                + ", "
                                + expr.value(AttributeValue.createL(List.of()))
                                + ")";
                clauses.set.add(
                        p
                                + " = list_append("
                                + (kind == UpdateRecorder.Kind.APPEND
                                        ? existing + ", " + v
                                        : v + ", " + existing)
                                + ")");
            }
            default -> throw new IllegalStateException("unknown action " + kind);
        }
    }

    /** How an update action is named in messages. */
    private static String describe(UpdateRecorder.Action a, AttributePath path) {
        return switch (a.kind()) {
            case ADD -> "add(...)";
            case INCREMENT -> a.negate() ? "decrement(...)" : "increment(...)";
            case DELETE -> "delete(...) of set members";
            case APPEND -> "appendToList(...)";
            case PREPEND -> "prependToList(...)";
            case REMOVE_AT -> "removeFromList(...)";
            case SET_AT -> "setListElement(...)";
            default -> "an update of the nested path '" + String.join(".", path.segments()) + "'";
        };
    }

    /** Binds a value for an {@code @Encrypted} field; a failure never shows the value. */
    private AttributeValue bindSecret(AttributePath path, String javaPath, Object value) {
        try {
            return bind(path, javaPath, value);
        } catch (InvalidRequestException e) {
            throw invalid(
                    "the value given for @Encrypted field '%s' of model %s cannot be stored in it: it is a %s "
                            + "and the field is %s (the value is not shown, as the field is encrypted)",
                    javaPath,
                    model.type().getName(),
                    value == null ? "null" : value.getClass().getName(),
                    path.leaf().genericType().getTypeName());
        }
    }

    private AttributeValue bind(AttributePath path, String javaPath, Object value) {
        if (path.indexed()) {
            return values.bindListElement(
                    model.type(), Operation.UPDATE, javaPath, path.leaf(), value);
        }
        AttributeValue av =
                values.bind(model.type(), Operation.UPDATE, javaPath, path.leaf(), value);
        if (av == null) {
            throw invalid(
                    "value %s for field '%s' of model %s converts to no attribute: use remove(...)",
                    value, javaPath, model.type().getName());
        }
        return av;
    }

    private AttributeValue number(String javaPath, Object value, boolean negate) {
        if (!(value instanceof Number n)) {
            throw invalid(
                    "value %s for field '%s' of model %s must be a number",
                    value, javaPath, model.type().getName());
        }
        try {
            BigDecimal d = new BigDecimal(ValueBinder.numberText(n));
            return AttributeValue.createN((negate ? d.negate() : d).toPlainString());
        } catch (IllegalArgumentException e) {
            throw invalid(
                    "value %s for field '%s' of model %s is not a number DynamoDB can store",
                    value, javaPath, model.type().getName());
        }
    }

    private AttributeValue members(FieldMetadata leaf, String javaPath, Object value) {
        List<Object> list = asList(value);
        if (list.isEmpty()) {
            throw invalid(
                    "no members given for set '%s' of model %s: DynamoDB has no empty sets",
                    javaPath, model.type().getName());
        }
        Object set = leaf.rawType().isInstance(list) ? list : new LinkedHashSet<>(list);
        return values.bind(model.type(), Operation.UPDATE, javaPath, leaf, set);
    }

    private static List<Object> asList(Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            int n = java.lang.reflect.Array.getLength(value);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(java.lang.reflect.Array.get(value, i));
            }
            return out;
        }
        List<Object> single = new ArrayList<>(1);
        single.add(value);
        return single;
    }

    private static boolean isSet(AttributeValue.Type t) {
        return t == AttributeValue.Type.SS
                || t == AttributeValue.Type.NS
                || t == AttributeValue.Type.BS;
    }

    private void requireTopLevel(AttributePath path, String javaPath, String action) {
        if (!path.isTopLevel() || path.indexed()) {
            throw invalid(
                    "%s works on top-level attributes only (a DynamoDB rule), but '%s' of model %s is nested%s",
                    action,
                    javaPath,
                    model.type().getName(),
                    action.equals("add") ? ": use increment(...) for nested numbers" : "");
        }
    }

    private void requireType(
            FieldMetadata leaf, String javaPath, String action, AttributeValue.Type type) {
        if (leaf.attributeType() != type) {
            throw invalid(
                    "%s needs a %s field, but '%s' of model %s is %s",
                    action,
                    type == AttributeValue.Type.N ? "number" : "list",
                    javaPath,
                    model.type().getName(),
                    leaf.genericType().getTypeName());
        }
    }

    private InvalidRequestException managedVersion(String name) {
        return new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "field '%s' of model %s is the @Version counter, which DynamORM checks and increments on every "
                                + "write: do not write it yourself",
                        name,
                        model.type().getName()),
                Operation.UPDATE,
                model.type(),
                null);
    }

    private InvalidRequestException invalid(String format, Object... args) {
        return new InvalidRequestException(
                String.format(Locale.ROOT, format, args), Operation.UPDATE, model.type(), null);
    }
}
