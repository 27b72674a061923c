package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.wire.Json;
import dev.dynamorm.local.internal.wire.Request;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ExecuteStatement for the common PartiQL subset: {@code SELECT}, {@code INSERT}, {@code UPDATE}
 * and {@code DELETE} on one table (or index). Each statement is translated into the equivalent
 * Query / Scan / PutItem / UpdateItem / DeleteItem request (names and values become expression
 * placeholders) and run by the ordinary operations, so the same validation and semantics apply.
 */
final class PartiQL {
    private final Engine engine;
    private final ItemOps items;
    private final ReadOps reads;

    PartiQL(Engine engine, ItemOps items, ReadOps reads) {
        this.engine = engine;
        this.items = items;
        this.reads = reads;
    }

    Map<String, Object> execute(Request r) {
        String statement = r.requiredString("Statement");
        List<Object> parameters = r.list("Parameters");
        Translator t = new Translator(statement, parameters == null ? List.of() : parameters);
        String verb = t.keyword();
        switch (verb) {
            case "SELECT":
                return select(t, r);
            case "INSERT":
                return insert(t);
            case "UPDATE":
                return update(t, r);
            case "DELETE":
                return delete(t, r);
            default:
                throw Translator.malformed("unexpected keyword " + verb);
        }
    }

    // ---- statements

    private Map<String, Object> select(Translator t, Request r) {
        List<String> projection = new ArrayList<>();
        if (!t.accept("*")) {
            do {
                projection.add(t.path());
            } while (t.accept(","));
        }
        t.expectKeyword("FROM");
        String[] target = t.tableRef();
        Table table = engine.table(target[0]);
        String where = t.acceptKeyword("WHERE") ? t.condition() : null;
        t.end();
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("TableName", target[0]);
        if (target[1] != null) {
            req.put("IndexName", target[1]);
        }
        if (!projection.isEmpty()) {
            req.put("ProjectionExpression", String.join(", ", projection));
        }
        if (r.has("Limit")) {
            req.put("Limit", r.integer("Limit"));
        }
        if (r.bool("ConsistentRead")) {
            req.put("ConsistentRead", Boolean.TRUE);
        }
        if (r.has("NextToken")) {
            req.put("ExclusiveStartKey", decodeToken(r.string("NextToken")));
        }
        KeyDef key = target[1] == null ? table.meta().key() : indexKey(table, target[1]);
        String hashTerm = where == null ? null : t.equalityTerm(key.hashName());
        Map<String, Object> out;
        if (hashTerm != null) {
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
            out = reads.query(new Request(req));
        } else {
            if (where != null) {
                req.put("FilterExpression", where);
            }
            t.bindings(req);
            out = reads.scan(new Request(req));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Items", out.getOrDefault("Items", List.of()));
        if (out.get("LastEvaluatedKey") != null) {
            answer.put("NextToken", encodeToken(out.get("LastEvaluatedKey")));
        }
        return answer;
    }

    private Map<String, Object> insert(Translator t) {
        t.expectKeyword("INTO");
        String[] target = t.tableRef();
        t.expectKeyword("VALUE");
        Object item = t.value();
        t.end();
        if (!(item instanceof Map)) {
            throw Translator.malformed("INSERT needs a map value: VALUE {'key': value, ...}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes =
                (Map<String, Object>) ((Map<String, Object>) item).get("M");
        Table table = engine.table(target[0]);
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("TableName", target[0]);
        req.put("Item", attributes);
        req.put("ConditionExpression", "attribute_not_exists(#pk)");
        req.put("ExpressionAttributeNames", Map.of("#pk", table.meta().key().hashName()));
        try {
            items.put(new Request(req));
        } catch (DynamoException e) {
            if (e.type().equals("ConditionalCheckFailedException")) {
                throw new DynamoException(
                        "DuplicateItemException",
                        "Duplicate primary key exists in table",
                        400,
                        null);
            }
            throw e;
        }
        return new LinkedHashMap<>();
    }

    private Map<String, Object> update(Translator t, Request r) {
        String[] target = t.tableRef();
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
            throw Translator.malformed("UPDATE needs SET or REMOVE clauses");
        }
        t.expectKeyword("WHERE");
        t.condition();
        t.end();
        Table table = engine.table(target[0]);
        Map<String, Object> req = keyedRequest(t, table, target[0]);
        req.put(
                "UpdateExpression",
                (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                        + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes)));
        req.put(
                "ConditionExpression",
                condition(
                        t,
                        table,
                        "attribute_exists(" + t.name(table.meta().key().hashName()) + ")"));
        returnOnFailure(r, req);
        t.bindings(req);
        items.update(new Request(req));
        return new LinkedHashMap<>();
    }

    private Map<String, Object> delete(Translator t, Request r) {
        t.expectKeyword("FROM");
        String[] target = t.tableRef();
        t.expectKeyword("WHERE");
        t.condition();
        t.end();
        Table table = engine.table(target[0]);
        Map<String, Object> req = keyedRequest(t, table, target[0]);
        String condition = condition(t, table, null);
        if (condition != null) {
            req.put("ConditionExpression", condition);
        }
        returnOnFailure(r, req);
        t.bindings(req);
        items.delete(new Request(req));
        return new LinkedHashMap<>();
    }

    private static void returnOnFailure(Request r, Map<String, Object> req) {
        if (r.has("ReturnValuesOnConditionCheckFailure")) {
            req.put(
                    "ReturnValuesOnConditionCheckFailure",
                    r.string("ReturnValuesOnConditionCheckFailure"));
        }
    }

    /**
     * The request's Key from the WHERE clause's key equalities, which are removed from its other
     * terms.
     */
    private static Map<String, Object> keyedRequest(Translator t, Table table, String tableName) {
        KeyDef k = table.meta().key();
        Map<String, Object> key = new LinkedHashMap<>();
        for (String n : k.names()) {
            Object v = t.keyValue(n);
            if (v == null) {
                throw DynamoException.validation(
                        "Where clause does not contain a mandatory equality on all key attributes");
            }
            key.put(n, v);
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("TableName", tableName);
        req.put("Key", key);
        return req;
    }

    private static String condition(Translator t, Table table, String extra) {
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
            throw DynamoException.validation(
                    "The table does not have the specified index: " + index);
        }
        return def.key();
    }

    private static String encodeToken(Object key) {
        return Base64.getEncoder().encodeToString(Json.write(key));
    }

    private static Object decodeToken(String token) {
        try {
            return Json.parse(Base64.getDecoder().decode(token));
        } catch (IOException | IllegalArgumentException e) {
            throw DynamoException.validation("Invalid NextToken");
        }
    }

    /**
     * Tokenizes a statement and rewrites its paths and values into expression syntax with
     * placeholders; remembers the WHERE clause's top-level AND terms so that key conditions can be
     * picked out.
     */
    static final class Translator {
        private final List<String> tokens = new ArrayList<>();
        private final List<Object> parameters;
        private int pos;
        private int nextParameter;
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<String> terms = new ArrayList<>();
        private final Map<String, String> equalities = new LinkedHashMap<>();
        private final Map<String, Object> equalityValues = new LinkedHashMap<>();
        private final Map<String, String> termAttribute = new LinkedHashMap<>();

        Translator(String statement, List<Object> parameters) {
            this.parameters = parameters;
            tokenize(statement);
        }

        static DynamoException malformed(String detail) {
            return DynamoException.validation(
                    "Statement wasn't well formed, can't be processed: " + detail);
        }

        private void tokenize(String s) {
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'' || c == '"') {
                    StringBuilder b = new StringBuilder().append(c);
                    int j = i + 1;
                    while (true) {
                        if (j >= s.length()) {
                            throw malformed("unterminated literal");
                        }
                        char d = s.charAt(j);
                        if (d == c) {
                            if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                                b.append(c);
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        b.append(d);
                        j++;
                    }
                    tokens.add(b.append(c).toString());
                    i = j + 1;
                } else if (Character.isDigit(c)
                        || (c == '-'
                                && i + 1 < s.length()
                                && Character.isDigit(s.charAt(i + 1))
                                && (tokens.isEmpty()
                                        || isOperator(tokens.get(tokens.size() - 1))))) {
                    int j = i + 1;
                    while (j < s.length()) {
                        char d = s.charAt(j);
                        if (Character.isDigit(d)
                                || d == '.'
                                || d == 'e'
                                || d == 'E'
                                || ((d == '+' || d == '-')
                                        && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E'))) {
                            j++;
                        } else {
                            break;
                        }
                    }
                    tokens.add(s.substring(i, j));
                    i = j;
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i + 1;
                    while (j < s.length()
                            && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                        j++;
                    }
                    tokens.add(s.substring(i, j));
                    i = j;
                } else if (s.startsWith("<<", i)
                        || s.startsWith(">>", i)
                        || s.startsWith("<=", i)
                        || s.startsWith(">=", i)
                        || s.startsWith("<>", i)
                        || s.startsWith("!=", i)) {
                    tokens.add(s.substring(i, i + 2));
                    i += 2;
                } else {
                    tokens.add(String.valueOf(c));
                    i++;
                }
            }
        }

        private static boolean isOperator(String t) {
            return t.length() <= 2
                    && !Character.isLetterOrDigit(t.charAt(0))
                    && t.charAt(0) != '\''
                    && t.charAt(0) != '"'
                    && !t.equals(")")
                    && !t.equals("]");
        }

        private String peek() {
            return pos < tokens.size() ? tokens.get(pos) : "";
        }

        String keyword() {
            String t = peek().toUpperCase(Locale.ROOT);
            pos++;
            return t;
        }

        boolean accept(String token) {
            if (peek().equals(token)) {
                pos++;
                return true;
            }
            return false;
        }

        boolean acceptKeyword(String keyword) {
            if (peek().equalsIgnoreCase(keyword)) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!accept(token)) {
                throw malformed(
                        "expected "
                                + token
                                + " but found "
                                + (peek().isEmpty() ? "the end" : peek()));
            }
        }

        void expectKeyword(String keyword) {
            if (!acceptKeyword(keyword)) {
                throw malformed(
                        "expected "
                                + keyword
                                + " but found "
                                + (peek().isEmpty() ? "the end" : peek()));
            }
        }

        void end() {
            accept(";");
            if (pos < tokens.size()) {
                throw malformed("unexpected " + peek());
            }
        }

        String[] tableRef() {
            String table = identifier();
            String index = null;
            if (accept(".")) {
                index = identifier();
            }
            return new String[] {table, index};
        }

        private String identifier() {
            String t = peek();
            if (t.isEmpty() || t.startsWith("'") || isOperator(t)) {
                throw malformed("expected a name but found " + (t.isEmpty() ? "the end" : t));
            }
            pos++;
            return t.startsWith("\"") ? t.substring(1, t.length() - 1) : t;
        }

        String name(String attribute) {
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (e.getValue().equals(attribute)) {
                    return e.getKey();
                }
            }
            String placeholder = "#p" + names.size();
            names.put(placeholder, attribute);
            return placeholder;
        }

        private String placeholder(Object attributeValue) {
            String p = ":p" + values.size();
            values.put(p, attributeValue);
            return p;
        }

        /** A document path, as an expression path with name placeholders. */
        String path() {
            StringBuilder out = new StringBuilder(name(identifier()));
            while (true) {
                if (accept(".")) {
                    out.append('.').append(name(identifier()));
                } else if (accept("[")) {
                    String index = peek();
                    pos++;
                    if (!index.chars().allMatch(Character::isDigit)) {
                        throw malformed("list index expected");
                    }
                    expect("]");
                    out.append('[').append(index).append(']');
                } else {
                    return out.toString();
                }
            }
        }

        /** A literal or parameter as a DynamoDB JSON attribute value. */
        Object value() {
            String t = peek();
            pos++;
            if (t.equals("?")) {
                if (nextParameter >= parameters.size()) {
                    throw DynamoException.validation(
                            "Number of parameters in request and statement don't match.");
                }
                return parameters.get(nextParameter++);
            }
            if (t.startsWith("'")) {
                return Map.of("S", t.substring(1, t.length() - 1));
            }
            if (t.equalsIgnoreCase("TRUE") || t.equalsIgnoreCase("FALSE")) {
                return Map.of("BOOL", Boolean.valueOf(t.equalsIgnoreCase("TRUE")));
            }
            if (t.equalsIgnoreCase("NULL")) {
                return Map.of("NULL", Boolean.TRUE);
            }
            if (t.equals("{")) {
                Map<String, Object> m = new LinkedHashMap<>();
                if (!accept("}")) {
                    do {
                        String k = peek();
                        pos++;
                        if (!k.startsWith("'") && !k.startsWith("\"")) {
                            throw malformed("map keys are quoted strings");
                        }
                        expect(":");
                        m.put(k.substring(1, k.length() - 1), value());
                    } while (accept(","));
                    expect("}");
                }
                return Map.of("M", m);
            }
            if (t.equals("[")) {
                List<Object> l = new ArrayList<>();
                if (!accept("]")) {
                    do {
                        l.add(value());
                    } while (accept(","));
                    expect("]");
                }
                return Map.of("L", l);
            }
            if (t.equals("<<")) {
                List<Object> members = new ArrayList<>();
                do {
                    members.add(value());
                } while (accept(","));
                expect(">>");
                return set(members);
            }
            try {
                new BigDecimal(t);
                return Map.of("N", t);
            } catch (NumberFormatException e) {
                throw malformed("unexpected " + (t.isEmpty() ? "end of statement" : t));
            }
        }

        @SuppressWarnings("unchecked")
        private static Object set(List<Object> members) {
            String type = null;
            List<Object> raw = new ArrayList<>();
            for (Object m : members) {
                Map.Entry<String, Object> e =
                        ((Map<String, Object>) m).entrySet().iterator().next();
                if (type != null && !type.equals(e.getKey())
                        || !(e.getKey().equals("S")
                                || e.getKey().equals("N")
                                || e.getKey().equals("B"))) {
                    throw DynamoException.validation(
                            "Set members must all be strings, numbers or binaries of one type");
                }
                type = e.getKey();
                raw.add(e.getValue());
            }
            return Map.of(type + "S", raw);
        }

        private boolean startsValue() {
            String t = peek();
            return t.equals("?")
                    || t.startsWith("'")
                    || t.equals("{")
                    || t.equals("[")
                    || t.equals("<<")
                    || t.equalsIgnoreCase("TRUE")
                    || t.equalsIgnoreCase("FALSE")
                    || t.equalsIgnoreCase("NULL")
                    || (!t.isEmpty()
                            && (Character.isDigit(t.charAt(0))
                                    || (t.charAt(0) == '-' && t.length() > 1)));
        }

        /** An operand: a value placeholder, a path, or size(path). */
        String operand() {
            if (startsValue()) {
                return placeholder(value());
            }
            if (peek().equalsIgnoreCase("size")
                    && pos + 1 < tokens.size()
                    && tokens.get(pos + 1).equals("(")) {
                pos += 2;
                String p = path();
                expect(")");
                return "size(" + p + ")";
            }
            return path();
        }

        /**
         * Translates the WHERE clause, recording its top-level AND terms (none when it is a
         * disjunction).
         */
        String condition() {
            return condition(true);
        }

        private String condition(boolean top) {
            List<String> conjuncts = new ArrayList<>();
            String first = andTerm(conjuncts);
            if (!peek().equalsIgnoreCase("OR")) {
                if (top) {
                    terms.addAll(conjuncts);
                }
                return first;
            }
            StringBuilder out = new StringBuilder(first);
            while (acceptKeyword("OR")) {
                out.append(" OR ").append(andTerm(new ArrayList<>()));
            }
            if (top) {
                terms.add(out.toString());
            }
            return out.toString();
        }

        private String andTerm(List<String> conjuncts) {
            String first = unary();
            conjuncts.add(first);
            StringBuilder out = new StringBuilder(first);
            while (acceptKeyword("AND")) {
                String next = unary();
                conjuncts.add(next);
                out.append(" AND ").append(next);
            }
            return out.toString();
        }

        private String unary() {
            if (acceptKeyword("NOT")) {
                return "(NOT " + unary() + ")";
            }
            if (accept("(")) {
                String inner = condition(false);
                expect(")");
                return inner.contains(" AND ") || inner.contains(" OR ")
                        ? "(" + inner + ")"
                        : inner;
            }
            String fn = peek().toLowerCase(Locale.ROOT);
            if ((fn.equals("begins_with") || fn.equals("contains") || fn.equals("attribute_type"))
                    && pos + 1 < tokens.size()
                    && tokens.get(pos + 1).equals("(")) {
                pos += 2;
                String a = operand();
                expect(",");
                String b = operand();
                expect(")");
                String term = fn + "(" + a + ", " + b + ")";
                if (fn.equals("begins_with")) {
                    termAttribute.put(term, a);
                }
                return term;
            }
            int pathStart = pos;
            String left = operand();
            String attribute =
                    pos == pathStart + 1 && left.startsWith("#") ? names.get(left) : null;
            if (acceptKeyword("IS")) {
                boolean not = acceptKeyword("NOT");
                if (acceptKeyword("MISSING")) {
                    return (not ? "attribute_exists(" : "attribute_not_exists(") + left + ")";
                }
                expectKeyword("NULL");
                String v = placeholder(Map.of("S", "NULL"));
                return (not ? "NOT " : "") + "attribute_type(" + left + ", " + v + ")";
            }
            if (acceptKeyword("BETWEEN")) {
                String lo = operand();
                expectKeyword("AND");
                String hi = operand();
                String term = left + " BETWEEN " + lo + " AND " + hi;
                if (attribute != null) {
                    termAttribute.put(term, left);
                }
                return term;
            }
            if (acceptKeyword("IN")) {
                String close = accept("[") ? "]" : null;
                if (close == null) {
                    expect("(");
                    close = ")";
                }
                List<String> list = new ArrayList<>();
                do {
                    list.add(operand());
                } while (accept(","));
                expect(close);
                return left + " IN (" + String.join(", ", list) + ")";
            }
            String op = peek();
            switch (op) {
                case "=":
                case "<>":
                case "!=":
                case "<":
                case "<=":
                case ">":
                case ">=":
                    pos++;
                    break;
                default:
                    throw malformed(
                            "expected a comparison but found " + (op.isEmpty() ? "the end" : op));
            }
            int valueStart = pos;
            Object literal = startsValue() ? valueAt() : null;
            String right;
            if (literal != null) {
                right = placeholder(literal);
            } else {
                pos = valueStart;
                right = operand();
            }
            String term = left + " " + (op.equals("!=") ? "<>" : op) + " " + right;
            if (attribute != null && literal != null) {
                termAttribute.put(term, left);
                if (op.equals("=")) {
                    equalities.put(attribute, term);
                    equalityValues.put(attribute, literal);
                }
            }
            return term;
        }

        private Object valueAt() {
            return value();
        }

        /** The top-level term {@code attribute = value}, or null. */
        String equalityTerm(String attribute) {
            String term = equalities.get(attribute);
            return term != null && terms.contains(term) ? term : null;
        }

        /** A top-level term usable as a sort-key condition on {@code attribute}, or null. */
        String keyTerm(String attribute, List<String> candidates) {
            String placeholder = null;
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (e.getValue().equals(attribute)) {
                    placeholder = e.getKey();
                }
            }
            if (placeholder == null) {
                return null;
            }
            for (String term : candidates) {
                if (placeholder.equals(termAttribute.get(term)) && !term.contains(" <> ")) {
                    return term;
                }
            }
            return null;
        }

        List<String> topLevelTerms() {
            return new ArrayList<>(terms);
        }

        List<String> keyTerms(java.util.Collection<String> keyAttributes) {
            List<String> out = new ArrayList<>();
            for (String attribute : keyAttributes) {
                String t = equalityTerm(attribute);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }

        /** The value of the top-level equality on a key attribute, or null. */
        Object keyValue(String attribute) {
            return equalityTerm(attribute) == null ? null : equalityValues.get(attribute);
        }

        /** Adds the placeholders the request's expressions use. */
        void bindings(Map<String, Object> req) {
            StringBuilder all = new StringBuilder();
            for (String k :
                    List.of(
                            "KeyConditionExpression",
                            "FilterExpression",
                            "ProjectionExpression",
                            "UpdateExpression",
                            "ConditionExpression")) {
                if (req.get(k) != null) {
                    all.append(' ').append(req.get(k));
                }
            }
            String text = all.toString() + ' ';
            Map<String, Object> usedNames = new LinkedHashMap<>();
            names.forEach(
                    (k, v) -> {
                        if (text.matches(
                                "(?s).*"
                                        + java.util.regex.Pattern.quote(k)
                                        + "(?![0-9A-Za-z_]).*")) {
                            usedNames.put(k, v);
                        }
                    });
            Map<String, Object> usedValues = new LinkedHashMap<>();
            values.forEach(
                    (k, v) -> {
                        if (text.matches(
                                "(?s).*"
                                        + java.util.regex.Pattern.quote(k)
                                        + "(?![0-9A-Za-z_]).*")) {
                            usedValues.put(k, v);
                        }
                    });
            if (nextParameter != parameters.size()) {
                throw DynamoException.validation(
                        "Number of parameters in request and statement don't match.");
            }
            if (!usedNames.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> existing =
                        (Map<String, Object>) req.get("ExpressionAttributeNames");
                if (existing != null) {
                    usedNames.putAll(existing);
                }
                req.put("ExpressionAttributeNames", usedNames);
            }
            if (!usedValues.isEmpty()) {
                req.put("ExpressionAttributeValues", usedValues);
            }
        }

        @Override
        public String toString() {
            return String.join(" ", tokens);
        }
    }
}
