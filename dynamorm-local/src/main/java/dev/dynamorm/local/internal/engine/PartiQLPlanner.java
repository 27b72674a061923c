package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one PartiQL statement and plans it as the equivalent ordinary request ({@link
 * PartiQLStatement}): names and values become expression placeholders, the WHERE clause's key
 * equalities become the Key or key condition, and its other terms a filter or condition, so that
 * the ordinary operations run it with their validation and semantics.
 */
final class PartiQLPlanner {
    private final Engine engine;
    private final PartiQLTranslator t;
    private String tableName;

    PartiQLPlanner(Engine engine, String statement, List<Object> parameters) {
        this.engine = engine;
        this.t = new PartiQLTranslator(statement, parameters == null ? List.of() : parameters);
    }

    /** The table the statement names, once parsing got that far (for per-statement errors). */
    String tableName() {
        return tableName;
    }

    PartiQLStatement plan() {
        String verb = t.keyword();
        PartiQLStatement s;
        switch (verb) {
            case "SELECT" -> s = select(false);
            case "EXISTS" -> {
                t.expect("(");
                t.expectKeyword("SELECT");
                s = select(true);
                t.expect(")");
            }
            case "INSERT" -> s = insert();
            case "UPDATE" -> s = update();
            case "DELETE" -> s = delete();
            default -> throw PartiQLLexer.malformed("unexpected keyword " + verb);
        }
        t.end();
        return s;
    }

    /** The named table; PartiQL names the missing table in its error. */
    private Table table(String name) {
        try {
            return engine.table(name);
        } catch (DynamoException e) {
            if (e.type().equals("ResourceNotFoundException")) {
                throw DynamoException.tableNotFound(name);
            }
            throw e;
        }
    }

    private String[] target() {
        String[] target = t.tableRef();
        tableName = target[0];
        return target;
    }

    private PartiQLStatement select(boolean exists) {
        List<String> projection = new ArrayList<>();
        if (!t.accept("*")) {
            do {
                projection.add(t.path());
            } while (t.accept(","));
        }
        t.expectKeyword("FROM");
        String[] target = target();
        String where = t.acceptKeyword("WHERE") ? t.condition() : null;
        if (exists && !t.peekIs(")")) {
            throw PartiQLLexer.malformed("expected ) after the EXISTS query");
        }
        Table table = table(target[0]);
        if (exists) {
            return existsCheck(table, target);
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("TableName", target[0]);
        if (target[1] != null) {
            req.put("IndexName", target[1]);
        }
        if (!projection.isEmpty()) {
            req.put("ProjectionExpression", String.join(", ", projection));
        }
        KeyDef key = target[1] == null ? table.meta().key() : indexKey(table, target[1]);
        // a multi-attribute index key is read by a scan with the whole WHERE as its filter
        String hashTerm =
                where == null || key.multiAttribute() ? null : t.equalityTerm(key.hashName());
        Map<String, Object> get = null;
        Map<String, Object> filter = null;
        Map<String, Object> fullKey = target[1] == null ? fullKey(table) : null;
        if (fullKey != null) {
            get = new LinkedHashMap<>();
            get.put("TableName", target[0]);
            get.put("Key", fullKey);
            if (!projection.isEmpty()) {
                get.put("ProjectionExpression", req.get("ProjectionExpression"));
            }
            t.bindings(get);
            String rest = condition(table, null);
            if (rest != null) {
                filter = new LinkedHashMap<>();
                filter.put("TableName", target[0]);
                filter.put("Key", fullKey);
                filter.put("ConditionExpression", rest);
                t.bindings(filter);
            }
        }
        if (hashTerm == null) {
            if (where != null) {
                req.put("FilterExpression", where);
            }
            t.bindings(req);
            return new PartiQLStatement(
                    PartiQLStatement.Kind.SCAN, target[0], req, fullKey, get, filter);
        }
        List<String> rest = t.topLevelTerms();
        rest.remove(hashTerm);
        String sortTerm = key.hasRange() ? t.keyTerm(key.rangeName(), rest) : null;
        if (sortTerm != null) {
            rest.remove(sortTerm);
        }
        req.put(
                "KeyConditionExpression",
                sortTerm == null ? hashTerm : hashTerm + " AND " + sortTerm);
        if (!rest.isEmpty()) {
            req.put("FilterExpression", String.join(" AND ", rest));
        }
        t.bindings(req);
        return new PartiQLStatement(
                PartiQLStatement.Kind.QUERY, target[0], req, fullKey, get, filter);
    }

    /** {@code EXISTS(SELECT ... WHERE key = ... AND ...)}: a ConditionCheck on that item. */
    private PartiQLStatement existsCheck(Table table, String[] target) {
        if (target[1] != null) {
            throw DynamoException.validation(
                    "Where clause does not contain a mandatory equality on all key attributes");
        }
        Map<String, Object> req = keyedRequest(table, target[0]);
        req.put(
                "ConditionExpression",
                condition(
                        table, "attribute_exists(" + t.name(table.meta().key().hashName()) + ")"));
        t.bindings(req);
        return new PartiQLStatement(
                PartiQLStatement.Kind.EXISTS, target[0], req, keyOf(req), null, null);
    }

    private PartiQLStatement insert() {
        t.expectKeyword("INTO");
        String[] target = target();
        t.expectKeyword("VALUE");
        Object item = t.value();
        if (!(item instanceof Map<?, ?> m) || !(m.get("M") instanceof Map<?, ?> attributes)) {
            throw PartiQLLexer.malformed("INSERT needs a map value: VALUE {'key': value, ...}");
        }
        Table table = table(target[0]);
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("TableName", target[0]);
        req.put("Item", attributes);
        req.put("ConditionExpression", "attribute_not_exists(#pk)");
        req.put("ExpressionAttributeNames", Map.of("#pk", table.meta().key().hashName()));
        Map<String, Object> key = new LinkedHashMap<>();
        for (String n : table.meta().key().names()) {
            Object v = attributes.get(n);
            if (v != null) {
                key.put(n, v);
            }
        }
        return new PartiQLStatement(PartiQLStatement.Kind.INSERT, target[0], req, key, null, null);
    }

    private PartiQLStatement update() {
        String[] target = target();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        while (true) {
            if (t.acceptKeyword("SET")) {
                do {
                    String path = t.path();
                    t.expect("=");
                    String value = t.operand();
                    if (t.accept("+")) {
                        value = value + " + " + t.operand();
                    } else if (t.accept("-")) {
                        value = value + " - " + t.operand();
                    }
                    sets.add(path + " = " + value);
                } while (t.accept(","));
            } else if (t.acceptKeyword("REMOVE")) {
                do {
                    removes.add(t.path());
                } while (t.accept(","));
            } else {
                break;
            }
        }
        if (sets.isEmpty() && removes.isEmpty()) {
            throw PartiQLLexer.malformed("UPDATE needs SET or REMOVE clauses");
        }
        t.expectKeyword("WHERE");
        t.condition();
        String returnValues = returning(true);
        Table table = table(target[0]);
        Map<String, Object> req = keyedRequest(table, target[0]);
        if (returnValues != null) {
            req.put("ReturnValues", returnValues);
        }
        req.put(
                "UpdateExpression",
                (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                        + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes)));
        req.put(
                "ConditionExpression",
                condition(
                        table, "attribute_exists(" + t.name(table.meta().key().hashName()) + ")"));
        t.bindings(req);
        return new PartiQLStatement(
                PartiQLStatement.Kind.UPDATE, target[0], req, keyOf(req), null, null);
    }

    private PartiQLStatement delete() {
        t.expectKeyword("FROM");
        String[] target = target();
        t.expectKeyword("WHERE");
        t.condition();
        String returnValues = returning(false);
        Table table = table(target[0]);
        Map<String, Object> req = keyedRequest(table, target[0]);
        if (returnValues != null) {
            req.put("ReturnValues", returnValues);
        }
        String condition = condition(table, null);
        if (condition != null) {
            req.put("ConditionExpression", condition);
        }
        t.bindings(req);
        return new PartiQLStatement(
                PartiQLStatement.Kind.DELETE, target[0], req, keyOf(req), null, null);
    }

    /**
     * The optional {@code RETURNING} clause as the ReturnValues of the request that runs the
     * statement: {@code [ALL | MODIFIED] [OLD | NEW] *} for UPDATE, {@code ALL OLD *} for DELETE
     * (PartiQL reference, ql-reference.update / ql-reference.delete).
     */
    private String returning(boolean update) {
        if (!t.acceptKeyword("RETURNING")) {
            return null;
        }
        String which = t.keyword();
        String when = t.keyword();
        t.expect("*");
        boolean all = which.equals("ALL");
        boolean old = when.equals("OLD");
        if ((!all && !which.equals("MODIFIED"))
                || (!old && !when.equals("NEW"))
                || (!update && !(all && old))) {
            throw PartiQLLexer.malformed(
                    "RETURNING "
                            + which
                            + " "
                            + when
                            + " * is not supported"
                            + (update ? "" : " for DELETE, only ALL OLD *"));
        }
        return (all ? "ALL_" : "UPDATED_") + (old ? "OLD" : "NEW");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> keyOf(Map<String, Object> req) {
        return (Map<String, Object>) req.get("Key");
    }

    /** The full primary key from the WHERE clause's top-level equalities, or null. */
    private Map<String, Object> fullKey(Table table) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String n : table.meta().key().names()) {
            Object v = t.keyValue(n);
            if (v == null) {
                return null;
            }
            key.put(n, v);
        }
        return key;
    }

    /** A request with the Key from the WHERE clause's key equalities. */
    private Map<String, Object> keyedRequest(Table table, String name) {
        Map<String, Object> key = fullKey(table);
        if (key == null) {
            throw DynamoException.validation(
                    "Where clause does not contain a mandatory equality on all key attributes");
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("TableName", name);
        req.put("Key", key);
        return req;
    }

    /** The WHERE clause's terms other than the key equalities, after {@code extra}; or null. */
    private String condition(Table table, String extra) {
        List<String> rest = t.topLevelTerms();
        rest.removeAll(t.keyTerms(table.meta().key().names()));
        if (extra != null) {
            rest.add(0, extra);
        }
        return rest.isEmpty() ? null : String.join(" AND ", rest);
    }

    private static KeyDef indexKey(Table table, String index) {
        IndexDef def = table.meta().index(index);
        if (def == null) {
            // unlike Query's, PartiQL's message does not name the index
            throw DynamoException.validation("The table does not have the specified index");
        }
        return def.key();
    }
}
