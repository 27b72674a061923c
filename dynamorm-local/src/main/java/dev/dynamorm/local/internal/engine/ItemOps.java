package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.expr.Bindings;
import dev.dynamorm.local.internal.expr.Condition;
import dev.dynamorm.local.internal.expr.Documents;
import dev.dynamorm.local.internal.expr.Evaluator;
import dev.dynamorm.local.internal.expr.Legacy;
import dev.dynamorm.local.internal.expr.LegacyUpdates;
import dev.dynamorm.local.internal.expr.Parser;
import dev.dynamorm.local.internal.expr.Path;
import dev.dynamorm.local.internal.expr.UpdateExpression;
import dev.dynamorm.local.internal.expr.Updater;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PutItem, GetItem, UpdateItem and DeleteItem, plus the prepared single-item writes shared with
 * transactions.
 */
final class ItemOps {
    private final Engine engine;

    ItemOps(Engine engine) {
        this.engine = engine;
    }

    /**
     * A validated single-item write; {@link #compute} turns the current item into the new one (null
     * = delete).
     */
    static final class PreparedWrite {
        final Table table;
        final PrimaryKey key;
        final Bindings bindings;
        final Condition condition;
        final String kind;
        final Map<String, Value> putItem;
        final UpdateExpression update;
        final boolean returnOldOnFailure;
        final boolean legacyUpdate;

        PreparedWrite(
                Table table,
                PrimaryKey key,
                Bindings bindings,
                Condition condition,
                String kind,
                Map<String, Value> putItem,
                UpdateExpression update,
                boolean returnOldOnFailure,
                boolean legacyUpdate) {
            this.table = table;
            this.key = key;
            this.bindings = bindings;
            this.condition = condition;
            this.kind = kind;
            this.putItem = putItem;
            this.update = update;
            this.returnOldOnFailure = returnOldOnFailure;
            this.legacyUpdate = legacyUpdate;
        }

        boolean conditionHolds(Map<String, Value> current) {
            return condition == null
                    || new Evaluator(bindings)
                            .test(condition, current == null ? Map.of() : current);
        }

        /** Applies the update; legacy AttributeUpdates report type clashes in their own words. */
        private Updater.Result apply(Map<String, Value> base) {
            try {
                return Updater.apply(update, bindings, base, table.meta().key().names());
            } catch (DynamoException e) {
                if (legacyUpdate && OPERAND_TYPE_ERROR.equals(e.getMessage())) {
                    throw DynamoException.validation(LegacyUpdates.TYPE_MISMATCH);
                }
                throw e;
            }
        }

        /**
         * The item after this write, or null for deletes; ConditionCheck returns the current item
         * unchanged.
         */
        Updater.Result compute(Map<String, Value> current) {
            switch (kind) {
                case "Put" -> {
                    return new Updater.Result(putItem, List.of());
                }
                case "Delete" -> {
                    return new Updater.Result(null, List.of());
                }
                case "ConditionCheck" -> {
                    return new Updater.Result(current, List.of());
                }
                default -> {
                    Map<String, Value> base =
                            current != null ? current : key.toItem(table.meta().key());
                    if (update == null) {
                        return new Updater.Result(base, List.of());
                    }
                    Updater.Result r = apply(base);
                    Keys.item(table.meta(), r.item(), true);
                    return r;
                }
            }
        }
    }

    private static final String OPERAND_TYPE_ERROR =
            "An operand in the update expression has an incorrect data type";

    static PreparedWrite prepare(Engine engine, String kind, Request r) {
        return prepare(engine, kind, r, false);
    }

    /**
     * Validates one write; {@code legacy} admits the legacy Expected / AttributeUpdates parameters
     * (PutItem, UpdateItem and DeleteItem have them, transaction actions do not).
     */
    static PreparedWrite prepare(Engine engine, String kind, Request r, boolean legacy) {
        String tableName = r.requiredString("TableName");
        Map<String, Value> item =
                kind.equals("Put") && r.has("Item")
                        ? dev.dynamorm.local.internal.value.StoredItem.of(
                                AttributeCodec.item(r.map("Item")))
                        : null;
        Map<String, Value> rawKey = kind.equals("Put") ? null : AttributeCodec.item(r.map("Key"));
        if (legacy) {
            LegacyParameters.checkNotMixed(r, kind);
        }
        if (kind.equals("Update")) {
            Engine.expressionParameters(r, "UpdateExpression", "ConditionExpression");
        } else {
            Engine.expressionParameters(r, "ConditionExpression");
        }
        Legacy translation = legacy && LegacyParameters.used(r, kind) ? new Legacy() : null;
        Condition legacyCondition = null;
        UpdateExpression legacyUpdate = null;
        if (translation != null) {
            if (kind.equals("Update")) {
                legacyUpdate = LegacyUpdates.translate(translation, r.map("AttributeUpdates"));
            }
            legacyCondition =
                    translation.expected(r.map("Expected"), r.string("ConditionalOperator"));
        }
        Bindings b = translation != null ? translation.bindings() : Engine.bindings(r);
        Table t = engine.table(tableName);
        PrimaryKey key =
                item != null ? Keys.item(t.meta(), item, false) : Keys.key(t.meta(), rawKey);
        Condition cond = legacyCondition;
        String condText = r.string("ConditionExpression");
        if (condText != null) {
            cond = b.use(Parser.condition(condText, "ConditionExpression"));
            dev.dynamorm.local.internal.expr.StaticChecks.condition(cond, b, "ConditionExpression");
        } else if (kind.equals("ConditionCheck")) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        UpdateExpression update = legacyUpdate;
        if (legacyUpdate != null) {
            Updater.touchedPaths(legacyUpdate, b, t.meta().key().names());
        } else if (kind.equals("Update")) {
            String u = r.string("UpdateExpression");
            if (u != null) {
                update = b.use(Parser.update(u));
                Updater.checkOperands(update, b);
                Updater.touchedPaths(update, b, t.meta().key().names());
            }
        }
        b.checkAllUsed();
        String onFailure = r.string("ReturnValuesOnConditionCheckFailure", "NONE");
        if (!onFailure.equals("NONE") && !onFailure.equals("ALL_OLD")) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + onFailure
                            + "' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
        }
        return new PreparedWrite(
                t,
                key,
                b,
                cond,
                kind,
                item,
                update,
                onFailure.equals("ALL_OLD"),
                legacyUpdate != null);
    }

    private static String returnValues(Request r, Set<String> allowed) {
        String rv = r.string("ReturnValues", "NONE");
        if (!Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW").contains(rv)) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + rv
                            + "' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        }
        if (!allowed.contains(rv)) {
            throw DynamoException.validation(
                    allowed.size() == 2
                            ? "ReturnValues can only be ALL_OLD or NONE"
                            : "Return values set to invalid value");
        }
        return rv;
    }

    Map<String, Object> put(Request r) {
        String rv = returnValues(r, Set.of("NONE", "ALL_OLD"));
        boolean metrics = ItemCollections.requested(r);
        return write(
                prepare(engine, "Put", r, true), rv, r.string("ReturnConsumedCapacity"), metrics);
    }

    Map<String, Object> delete(Request r) {
        String rv = returnValues(r, Set.of("NONE", "ALL_OLD"));
        boolean metrics = ItemCollections.requested(r);
        return write(
                prepare(engine, "Delete", r, true),
                rv,
                r.string("ReturnConsumedCapacity"),
                metrics);
    }

    Map<String, Object> update(Request r) {
        String rv =
                returnValues(r, Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        boolean metrics = ItemCollections.requested(r);
        return write(
                prepare(engine, "Update", r, true),
                rv,
                r.string("ReturnConsumedCapacity"),
                metrics);
    }

    private Map<String, Object> write(
            PreparedWrite w, String returnValues, String rcc, boolean metrics) {
        Table t = w.table;
        Map<String, Value> old;
        Updater.Result result;
        Map<String, Object> collection = null;
        t.lock.writeLock().lock();
        try {
            old = t.get(w.key);
            if (!w.conditionHolds(old)) {
                throw DynamoException.conditionFailed(
                        w.returnOldOnFailure && old != null ? AttributeCodec.json(old) : null);
            }
            result = w.compute(old);
            engine.commit(List.of(new Change(t, w.key, result.item())));
            if (metrics) {
                collection = ItemCollections.of(t, w.key.hash());
            }
        } finally {
            t.lock.writeLock().unlock();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Value> attributes = null;
        switch (returnValues) {
            case "ALL_OLD" -> attributes = old;
            case "ALL_NEW" -> attributes = result.item();
            case "UPDATED_OLD" ->
                    attributes =
                            old == null || result.paths().isEmpty()
                                    ? null
                                    : Documents.project(old, result.paths());
            case "UPDATED_NEW" ->
                    attributes =
                            result.item() == null || result.paths().isEmpty()
                                    ? null
                                    : Documents.project(result.item(), result.paths());
            default -> {}
        }
        if (attributes != null && !attributes.isEmpty()) {
            out.put("Attributes", AttributeCodec.json(attributes));
        }
        new Capacity(t.meta().name()).write(t.meta(), old, result.item()).addTo(out, rcc);
        if (collection != null) {
            out.put("ItemCollectionMetrics", collection);
        }
        return out;
    }

    Map<String, Object> get(Request r) {
        Table t = engine.table(r.requiredString("TableName"));
        PrimaryKey key = Keys.key(t.meta(), AttributeCodec.item(r.map("Key")));
        LegacyParameters.checkNotMixed(r, "Get");
        Engine.expressionParameters(r, "ProjectionExpression");
        Bindings b = Engine.bindings(r);
        List<List<Object>> projection = projection(r, b);
        b.checkAllUsed();
        Map<String, Value> item;
        t.lock.readLock().lock();
        try {
            item = t.get(key);
        } finally {
            t.lock.readLock().unlock();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        long size = 0;
        if (item != null) {
            size = dev.dynamorm.local.internal.value.ItemSize.of(item);
            Map<String, Value> shown =
                    projection == null ? item : Documents.project(item, projection);
            out.put("Item", AttributeCodec.json(shown));
        }
        new Capacity(t.meta().name())
                .read(Capacity.readUnits(size, r.bool("ConsistentRead")), null, false)
                .addTo(out, r.string("ReturnConsumedCapacity"));
        return out;
    }

    private static void checkDistinctPaths(List<Object> one, List<Object> two) {
        for (int i = 0; i < one.size() && i < two.size(); i++) {
            if ((one.get(i) instanceof Integer) != (two.get(i) instanceof Integer)) {
                throw DynamoException.validation(
                        "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
                                + render(one)
                                + ", path two: "
                                + render(two));
            }
            if (!one.get(i).equals(two.get(i))) {
                return;
            }
        }
        throw DynamoException.validation(
                "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                        + render(one)
                        + ", path two: "
                        + render(two));
    }

    private static String render(List<Object> path) {
        List<String> parts = new ArrayList<>();
        for (Object o : path) {
            parts.add(o instanceof Integer ? "[" + o + "]" : (String) o);
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /**
     * Parses ProjectionExpression (or the legacy AttributesToGet) into resolved paths, or null when
     * absent.
     */
    static List<List<Object>> projection(Request r, Bindings b) {
        String text = r.string("ProjectionExpression");
        if (text == null) {
            return Legacy.attributesToGet(r.list("AttributesToGet"));
        }
        List<Path> paths = b.use(Parser.projection(text));
        List<List<Object>> resolved = new ArrayList<>();
        for (Path p : paths) {
            List<Object> next = b.resolve(p);
            for (List<Object> prior : resolved) {
                checkDistinctPaths(prior, next);
            }
            resolved.add(next);
        }
        return resolved;
    }
}
