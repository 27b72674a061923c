package dev.dynamorm.local.internal.expr;

import dev.dynamorm.local.internal.error.DynamoException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for condition, update and projection expressions. Precedence, lowest
 * first: OR, AND, NOT, then comparisons / BETWEEN / IN / functions / parentheses.
 */
public final class Parser {
    private static final int CACHE_SIZE = 2048;
    private static final Map<String, Parsed<?>> CACHE =
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Parsed<?>> eldest) {
                    return size() > CACHE_SIZE;
                }
            };

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of(
                    "attribute_exists",
                    "attribute_not_exists",
                    "attribute_type",
                    "begins_with",
                    "contains");

    private final String text;
    private final String kind;
    private final List<Token> tokens;
    private int pos;
    private final Set<String> names = new HashSet<>();
    private final Set<String> values = new HashSet<>();
    private final Set<Condition> parenthesized =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private DynamoException redundantParens;
    private int depth;

    private Parser(String text, String kind) {
        this.text = text;
        this.kind = kind;
        ExpressionLimits.checkSize(text, kind);
        this.tokens = Lexer.tokenize(text, kind);
    }

    /**
     * Enters one level of nesting (a parenthesised group, NOT, or a function call). The parser
     * recurses per level, so the depth is bounded before the stack is: DynamoDB's own limit on
     * operators and functions is reached first by any expression it accepts.
     */
    private void enter() {
        depth++;
        if (depth > ExpressionLimits.MAX_OPERATORS) {
            throw ExpressionLimits.tooManyOperators(kind, depth);
        }
    }

    private void leave() {
        depth--;
    }

    /** Parses a condition; {@code kind} is the request parameter name used in error messages. */
    @SuppressWarnings("unchecked")
    public static Parsed<Condition> condition(String text, String kind) {
        return (Parsed<Condition>)
                cached(
                        "C" + kind + "\u0000" + text,
                        () -> {
                            Parser p = new Parser(text, kind);
                            p.requireNonEmpty();
                            Condition c = p.parseOr();
                            p.expect(Token.Kind.EOF);
                            if (p.redundantParens != null) {
                                throw p.redundantParens;
                            }
                            return new Parsed<>(c, p.names, p.values, kind);
                        });
    }

    @SuppressWarnings("unchecked")
    public static Parsed<UpdateExpression> update(String text) {
        return (Parsed<UpdateExpression>)
                cached(
                        "U\u0000" + text,
                        () -> {
                            Parser p = new Parser(text, "UpdateExpression");
                            p.requireNonEmpty();
                            UpdateExpression u = p.parseUpdate();
                            return new Parsed<>(u, p.names, p.values, "UpdateExpression");
                        });
    }

    @SuppressWarnings("unchecked")
    public static Parsed<List<Path>> projection(String text) {
        return (Parsed<List<Path>>)
                cached(
                        "P\u0000" + text,
                        () -> {
                            Parser p = new Parser(text, "ProjectionExpression");
                            p.requireNonEmpty();
                            List<Path> paths = new ArrayList<>();
                            do {
                                paths.add(p.parsePath());
                            } while (p.accept(Token.Kind.COMMA));
                            p.expect(Token.Kind.EOF);
                            return new Parsed<>(
                                    List.copyOf(paths), p.names, p.values, "ProjectionExpression");
                        });
    }

    private interface Job {
        Parsed<?> run();
    }

    private static Parsed<?> cached(String key, Job job) {
        synchronized (CACHE) {
            Parsed<?> hit = CACHE.get(key);
            if (hit != null) {
                return hit;
            }
        }
        Parsed<?> parsed = job.run();
        synchronized (CACHE) {
            CACHE.put(key, parsed);
        }
        return parsed;
    }

    private void requireNonEmpty() {
        if (peek().kind() == Token.Kind.EOF) {
            throw DynamoException.validation(
                    "Invalid " + kind + ": The expression can not be empty;");
        }
    }

    // ---- conditions

    private Condition parseOr() {
        Condition left = parseAnd();
        while (peek().isKeyword("OR")) {
            pos++;
            left = new Condition.Or(left, parseAnd());
        }
        return left;
    }

    private Condition parseAnd() {
        Condition left = parseNot();
        while (peek().isKeyword("AND")) {
            pos++;
            left = new Condition.And(left, parseNot());
        }
        return left;
    }

    private Condition parseNot() {
        if (peek().isKeyword("NOT")) {
            pos++;
            enter();
            Condition inner = parseNot();
            leave();
            return new Condition.Not(inner);
        }
        return parsePrimary();
    }

    private Condition parsePrimary() {
        Token t = peek();
        if (t.kind() == Token.Kind.LPAREN) {
            pos++;
            enter();
            Condition c = parseOr();
            expect(Token.Kind.RPAREN);
            leave();
            if (parenthesized.contains(c) && redundantParens == null) {
                // DynamoDB rejects a parenthesised group whose whole content is another
                // parenthesised group
                redundantParens =
                        ExpressionException.invalid(
                                kind, "The expression has redundant parentheses;");
            }
            parenthesized.add(c);
            return c;
        }
        if (t.kind() == Token.Kind.NAME
                && peekAt(1).kind() == Token.Kind.LPAREN
                && !t.text().equals("size")) {
            Operand.Function f = parseFunction();
            if (!CONDITION_FUNCTIONS.contains(f.name())) {
                if (f.name().equals("if_not_exists") || f.name().equals("list_append")) {
                    throw ExpressionException.invalid(
                            kind,
                            "The function is not allowed to be used this way in an expression; function: "
                                    + f.name());
                }
                throw ExpressionException.invalid(
                        kind, "Invalid function name; function: " + f.name());
            }
            checkConditionFunction(f);
            return new Condition.Call(f.name(), f.args());
        }
        Operand left = parseConditionOperand();
        Token op = peek();
        switch (op.kind()) {
            case EQ, NE, LT, LE, GT, GE -> {
                pos++;
                return new Condition.Compare(op.kind(), left, parseConditionOperand());
            }
            default -> {}
        }
        if (op.isKeyword("BETWEEN")) {
            pos++;
            Operand low = parseConditionOperand();
            if (!peek().isKeyword("AND")) {
                throw syntaxError(peek());
            }
            pos++;
            Operand high = parseConditionOperand();
            return new Condition.Between(left, low, high);
        }
        if (op.isKeyword("IN")) {
            pos++;
            expect(Token.Kind.LPAREN);
            List<Operand> list = new ArrayList<>();
            do {
                list.add(parseConditionOperand());
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.RPAREN);
            if (list.size() > 100) {
                throw ExpressionException.invalid(
                        kind,
                        "The IN operator is provided with too many operands; number of operands: "
                                + list.size());
            }
            return new Condition.In(left, list);
        }
        throw syntaxError(op);
    }

    private void checkConditionFunction(Operand.Function f) {
        int expected =
                f.name().equals("attribute_exists") || f.name().equals("attribute_not_exists")
                        ? 1
                        : 2;
        if (f.args().size() != expected) {
            throw ExpressionException.invalid(
                    kind,
                    "Incorrect number of operands for operator or function; operator or function: "
                            + f.name()
                            + ", number of operands: "
                            + f.args().size());
        }
        if (expected == 1 && !(f.args().get(0) instanceof Operand.PathRef)) {
            throw ExpressionException.invalid(
                    kind,
                    "Operator or function requires a document path; operator or function: "
                            + f.name());
        }
    }

    private Operand parseConditionOperand() {
        Token t = peek();
        if (t.kind() == Token.Kind.NAME
                && t.text().equals("size")
                && peekAt(1).kind() == Token.Kind.LPAREN) {
            Operand.Function f = parseFunction();
            if (f.args().size() != 1) {
                throw ExpressionException.invalid(
                        kind,
                        "Incorrect number of operands for operator or function; operator or function: size, number of operands: "
                                + f.args().size());
            }
            if (!(f.args().get(0) instanceof Operand.PathRef)
                    && !(f.args().get(0) instanceof Operand.ValueRef)) {
                throw ExpressionException.invalid(
                        kind,
                        "The function is not allowed to be used this way in an expression; function: size");
            }
            return new Operand.Size(f.args().get(0));
        }
        if (t.kind() == Token.Kind.NAME && peekAt(1).kind() == Token.Kind.LPAREN) {
            Operand.Function f = parseFunction();
            if (CONDITION_FUNCTIONS.contains(f.name())
                    || f.name().equals("if_not_exists")
                    || f.name().equals("list_append")) {
                throw ExpressionException.invalid(
                        kind,
                        "The function is not allowed to be used this way in an expression; function: "
                                + f.name());
            }
            throw ExpressionException.invalid(kind, "Invalid function name; function: " + f.name());
        }
        return parseSimpleOperand();
    }

    private Operand parseSimpleOperand() {
        Token t = peek();
        if (t.kind() == Token.Kind.VALUE_REF) {
            pos++;
            values.add(t.text());
            return new Operand.ValueRef(t.text());
        }
        if (t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.NAME_REF) {
            return new Operand.PathRef(parsePath());
        }
        throw syntaxError(t);
    }

    private Operand.Function parseFunction() {
        Token name = next();
        expect(Token.Kind.LPAREN);
        enter();
        List<Operand> args = new ArrayList<>();
        if (peek().kind() != Token.Kind.RPAREN) {
            do {
                args.add(
                        kind.equals("UpdateExpression")
                                ? parseUpdateOperand()
                                : parseConditionOperand());
            } while (accept(Token.Kind.COMMA));
        }
        expect(Token.Kind.RPAREN);
        leave();
        return new Operand.Function(name.text(), args);
    }

    Path parsePath() {
        List<Path.Elem> elems = new ArrayList<>();
        elems.add(pathName());
        while (true) {
            if (accept(Token.Kind.DOT)) {
                elems.add(pathName());
            } else if (peek().kind() == Token.Kind.LBRACK) {
                pos++;
                Token num = peek();
                if (num.kind() != Token.Kind.NUMBER) {
                    throw syntaxError(num);
                }
                pos++;
                int idx;
                try {
                    idx = Integer.parseInt(num.text());
                } catch (NumberFormatException e) {
                    throw ExpressionException.invalid(
                            kind, "List index is too large; index: " + num.text());
                }
                expect(Token.Kind.RBRACK);
                elems.add(new Path.Elem(null, idx));
            } else {
                break;
            }
        }
        return new Path(elems);
    }

    private Path.Elem pathName() {
        Token t = next();
        if (t.kind() == Token.Kind.NAME_REF) {
            names.add(t.text());
            return new Path.Elem(t.text(), -1);
        }
        if (t.kind() == Token.Kind.NAME) {
            if (ReservedWords.isReserved(t.text())) {
                throw ExpressionException.invalid(
                        kind,
                        "Attribute name is a reserved keyword; reserved keyword: " + t.text());
            }
            return new Path.Elem(t.text(), -1);
        }
        throw syntaxError(t);
    }

    // ---- update expressions

    private UpdateExpression parseUpdate() {
        List<UpdateExpression.SetAction> sets = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        List<UpdateExpression.SetAction> adds = new ArrayList<>();
        List<UpdateExpression.SetAction> deletes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (peek().kind() != Token.Kind.EOF) {
            Token clause = next();
            String c =
                    clause.kind() == Token.Kind.NAME
                            ? clause.text().toUpperCase(java.util.Locale.ROOT)
                            : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(c)) {
                throw syntaxError(clause);
            }
            if (!seen.add(c)) {
                throw ExpressionException.invalid(
                        kind,
                        "The \"" + c + "\" section can only be used once in an update expression;");
            }
            do {
                switch (c) {
                    case "SET" -> {
                        Path p = parsePath();
                        expect(Token.Kind.EQ);
                        sets.add(new UpdateExpression.SetAction(p, parseSetValue()));
                    }
                    case "REMOVE" -> removes.add(parsePath());
                    case "ADD", "DELETE" -> {
                        Path p = parsePath();
                        Token v = peek();
                        if (v.kind() != Token.Kind.VALUE_REF) {
                            throw syntaxError(v);
                        }
                        Operand value = parseSimpleOperand();
                        (c.equals("ADD") ? adds : deletes)
                                .add(new UpdateExpression.SetAction(p, value));
                    }
                    default -> throw new IllegalStateException(c);
                }
            } while (accept(Token.Kind.COMMA));
        }
        return new UpdateExpression(sets, removes, adds, deletes);
    }

    private Operand parseSetValue() {
        Operand left = parseUpdateOperand();
        Token t = peek();
        if (t.kind() == Token.Kind.PLUS || t.kind() == Token.Kind.MINUS) {
            pos++;
            Operand right = parseUpdateOperand();
            return new Operand.Arithmetic(t.kind() == Token.Kind.PLUS, left, right);
        }
        return left;
    }

    private Operand parseUpdateOperand() {
        Token t = peek();
        if (t.kind() == Token.Kind.NAME && peekAt(1).kind() == Token.Kind.LPAREN) {
            Operand.Function f = parseFunction();
            switch (f.name()) {
                case "if_not_exists" -> {
                    if (f.args().size() != 2) {
                        throw ExpressionException.invalid(
                                kind,
                                "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: "
                                        + f.args().size());
                    }
                    if (!(f.args().get(0) instanceof Operand.PathRef p)) {
                        throw ExpressionException.invalid(
                                kind,
                                "Operator or function requires a document path; operator or function: if_not_exists");
                    }
                    return new Operand.IfNotExists(p.path(), f.args().get(1));
                }
                case "list_append" -> {
                    if (f.args().size() != 2) {
                        throw ExpressionException.invalid(
                                kind,
                                "Incorrect number of operands for operator or function; operator or function: list_append, number of operands: "
                                        + f.args().size());
                    }
                    return new Operand.ListAppend(f.args().get(0), f.args().get(1));
                }
                default ->
                        throw ExpressionException.invalid(
                                kind, "Invalid function name; function: " + f.name());
            }
        }
        return parseSimpleOperand();
    }

    // ---- token helpers

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(Token.Kind k) {
        if (peek().kind() == k) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Token.Kind k) {
        if (!accept(k)) {
            throw syntaxError(peek());
        }
    }

    private DynamoException syntaxError(Token t) {
        return ExpressionException.syntax(kind, text, t.text(), t.start());
    }
}
