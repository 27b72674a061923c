package dev.dynamorm.test.mock;

import dev.dynamorm.Condition;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Operator;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.internal.FieldPaths;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the writes of a {@link MockDB} into {@link UniqueClaims.Change}s: which {@code @Unique}
 * values a create, put, update or delete of an item sets or frees, and the engine's refusals of
 * writes its sentinel items cannot serve. Stateless apart from the shared field types.
 */
final class UniqueWrites {

    private final FieldTypes types;

    UniqueWrites(FieldTypes types) {
        this.types = types;
    }

    /** The unique fields a write of this model class can touch (a family: every member's). */
    static List<ModelTypes.UniqueField> fieldsOf(Class<?> model) {
        if (!ModelTypes.isFamily(model)) {
            return ModelTypes.uniqueFields(model);
        }
        Map<String, ModelTypes.UniqueField> out = new LinkedHashMap<>();
        for (Class<?> member : model.getPermittedSubclasses()) {
            for (ModelTypes.UniqueField f : ModelTypes.uniqueFields(member)) {
                out.putIfAbsent(f.name(), f);
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * A create, put or whole-item update: the item's unique values (all, or those among {@code
     * only}); null when its class has none.
     */
    UniqueClaims.Change item(
            String table, Class<?> model, Operation op, Object item, Collection<String> only) {
        List<ModelTypes.UniqueField> fields = ModelTypes.uniqueFields(item.getClass());
        if (fields.isEmpty()) {
            return null;
        }
        Key owner = ModelTypes.keyOf(item, types);
        if (owner == null) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (ModelTypes.UniqueField f : fields) {
            if (only == null || only.isEmpty() || only.contains(f.name())) {
                values.put(f.attribute(), ModelTypes.read(item, f.name()));
                names.put(f.attribute(), f.name());
            }
        }
        return new UniqueClaims.Change(table, model, op, owner, values, names, false);
    }

    /** A delete of the item with this key: frees every value it holds. */
    UniqueClaims.Change deleted(String table, Class<?> model, Operation op, Key owner) {
        if (owner == null || fieldsOf(model).isEmpty()) {
            return null;
        }
        return new UniqueClaims.Change(table, model, op, owner, Map.of(), Map.of(), true);
    }

    /**
     * An update through the builder of the item with this key: {@code set} claims, {@code remove}
     * frees.
     */
    UniqueClaims.Change updated(
            String table, Class<?> model, Operation op, Key owner, List<MockCall.Part> actions) {
        List<ModelTypes.UniqueField> fields = fieldsOf(model);
        if (owner == null || fields.isEmpty()) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (MockCall.Part p : actions) {
            if (!(p.value() instanceof List<?> args) || args.isEmpty()) {
                continue;
            }
            for (ModelTypes.UniqueField f : fields) {
                if (!f.name().equals(args.get(0))) {
                    continue;
                }
                if (p.label().equals("set")) {
                    values.put(f.attribute(), args.size() > 1 ? args.get(1) : null);
                    names.put(f.attribute(), f.name());
                } else if (p.label().equals("remove")) {
                    values.put(f.attribute(), null);
                    names.put(f.attribute(), f.name());
                }
            }
        }
        return values.isEmpty()
                ? null
                : new UniqueClaims.Change(table, model, op, owner, values, names, false);
    }

    /**
     * Refuses update actions on a unique field other than {@code set} and {@code remove}, with the
     * engine's message (it names the action by its kind).
     */
    static void requireKnownValues(Class<?> model, List<MockCall.Part> actions) {
        List<ModelTypes.UniqueField> fields = fieldsOf(model);
        if (fields.isEmpty()) {
            return;
        }
        for (MockCall.Part p : actions) {
            String kind = kind(p.label());
            if (kind == null || !(p.value() instanceof List<?> args) || args.isEmpty()) {
                continue;
            }
            String path = String.valueOf(args.get(0));
            String root = FieldPaths.root(path);
            for (ModelTypes.UniqueField f : fields) {
                if (f.name().equals(root)) {
                    throw UniqueClaims.refusal(
                            model,
                            fields.get(0).name(),
                            Operation.UPDATE,
                            "'" + kind + "' on it (the new value must be known)",
                            "use set(\"" + root + "\", value) or remove(\"" + root + "\")");
                }
            }
        }
    }

    /** The engine's name of an update action whose new value is not known; null for the others. */
    private static String kind(String label) {
        return switch (label) {
            case "setIfNotExists" -> "set_if_not_exists";
            case "add" -> "add";
            case "increment", "decrement" -> "increment";
            case "delete" -> "delete";
            case "appendToList" -> "append";
            case "prependToList" -> "prepend";
            case "removeFromList" -> "remove_at";
            case "setListElement" -> "set_at";
            default -> null;
        };
    }

    /**
     * The key a query's equalities bind, as the engine binds them: the key fields' values, or the
     * text of the model's key templates from the fields they name; null when they bind no whole
     * key.
     */
    Key keyOfQuery(Class<?> model, List<MockCall.Part> parts) {
        Map<String, Object> equal = new HashMap<>();
        for (MockCall.Part p : parts) {
            if (p.label().equals("where")
                    && p.value() instanceof Condition.Comparison c
                    && c.operator() == Operator.EQ
                    && c.values().size() == 1) {
                equal.putIfAbsent(c.field(), c.values().get(0));
            }
        }
        return ModelTypes.keyOfValues(model, equal, types);
    }

    /** The key of an item as the engine computes it; null when incomplete. */
    Key keyOf(Object item) {
        return ModelTypes.keyOf(item, types);
    }

    /** Refuses an update builder's return value other than NONE, as the engine does. */
    static void requireNoReturnValue(Class<?> model, List<MockCall.Part> parts) {
        for (MockCall.Part p : parts) {
            if (p.label().equals("returnValue") && p.value() instanceof ReturnValue r) {
                UniqueClaims.requireNoReturnValue(
                        model, UniqueClaims.names(fieldsOf(model)), Operation.UPDATE, r);
            }
        }
    }

    /** The changes of a transaction's writes, in order. */
    List<UniqueClaims.Change> transaction(List<MockTransaction.Write> writes) {
        List<UniqueClaims.Change> out = new java.util.ArrayList<>();
        for (MockTransaction.Write w : writes) {
            dev.dynamorm.annotations.DynamoTable table = ModelTypes.tableOf(w.model());
            if (table == null) {
                continue;
            }
            String name = table.value();
            Operation op = Operation.TRANSACT_WRITE;
            Key owner = w.item() != null ? keyOf(w.item()) : w.key();
            UniqueClaims.Change c =
                    switch (w.op()) {
                        case "delete" -> deleted(name, w.model(), op, owner);
                        case "update" ->
                                w.update() != null
                                        ? updated(name, w.model(), op, owner, w.update())
                                        : item(name, w.model(), op, w.item(), w.fields());
                        default -> item(name, w.model(), op, w.item(), null);
                    };
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
