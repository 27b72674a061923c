package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tokenizes a statement and rewrites its paths and values into expression syntax with placeholders;
 * remembers the WHERE clause's top-level AND terms so that key conditions can be picked out.
 */
final class PartiQLTranslator {
    private final List<String> tokens;
    private final List<Object> parameters;
    private int pos;
    private int nextParameter;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> terms = new ArrayList<>();
    private final Map<String, String> equalities = new LinkedHashMap<>();
    private final Map<String, Object> equalityValues = new LinkedHashMap<>();
    private final Map<String, String> termAttribute = new LinkedHashMap<>();

    PartiQLTranslator(String statement, List<Object> parameters) {
        this.parameters = parameters;
        this.tokens = PartiQLLexer.tokenize(statement);
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "";
    }

    /** True if the next token is {@code token} (not consumed). */
    boolean peekIs(String token) {
        return peek().equals(token);
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
            throw PartiQLLexer.malformed(
                    "expected " + token + " but found " + (peek().isEmpty() ? "the end" : peek()));
        }
    }

    void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw PartiQLLexer.malformed(
                    "expected "
                            + keyword
                            + " but found "
                            + (peek().isEmpty() ? "the end" : peek()));
        }
    }

    void end() {
        accept(";");
        if (pos < tokens.size()) {
            throw PartiQLLexer.malformed("unexpected " + peek());
        }
    }

    String[] tableRef() {
        String table = pathComponent();
        String index = null;
        if (accept(".")) {
            index = pathComponent();
            if (peekIs(".")) {
                throw DynamoException.validation(
                        "A path may contain at most 2 components in the FROM clause");
            }
        }
        return new String[] {table, index};
    }

    private String pathComponent() {
        if (peekIs("\"\"")) {
            throw DynamoException.validation("Path component cannot be an empty string");
        }
        return identifier();
    }

    private String identifier() {
        String t = peek();
        if (t.isEmpty() || t.startsWith("'") || PartiQLLexer.isOperator(t)) {
            throw PartiQLLexer.malformed(
                    "expected a name but found " + (t.isEmpty() ? "the end" : t));
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
                    throw PartiQLLexer.malformed("list index expected");
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
                        throw PartiQLLexer.malformed("map keys are quoted strings");
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
            throw PartiQLLexer.malformed("unexpected " + (t.isEmpty() ? "end of statement" : t));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object set(List<Object> members) {
        String type = null;
        List<Object> raw = new ArrayList<>();
        for (Object m : members) {
            Map.Entry<String, Object> e = ((Map<String, Object>) m).entrySet().iterator().next();
            if ((type != null && !type.equals(e.getKey()))
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
            return inner.contains(" AND ") || inner.contains(" OR ") ? "(" + inner + ")" : inner;
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
        String attribute = pos == pathStart + 1 && left.startsWith("#") ? names.get(left) : null;
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
            case "=", "<>", "!=", "<", "<=", ">", ">=" -> pos++;
            default ->
                    throw PartiQLLexer.malformed(
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

    List<String> keyTerms(Collection<String> keyAttributes) {
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
                    if (text.matches("(?s).*" + Pattern.quote(k) + "(?![0-9A-Za-z_]).*")) {
                        usedNames.put(k, v);
                    }
                });
        Map<String, Object> usedValues = new LinkedHashMap<>();
        values.forEach(
                (k, v) -> {
                    if (text.matches("(?s).*" + Pattern.quote(k) + "(?![0-9A-Za-z_]).*")) {
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
