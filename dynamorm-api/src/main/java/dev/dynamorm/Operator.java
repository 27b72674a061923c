package dev.dynamorm;

import java.util.Locale;

/**
 * The comparison operators of conditions, with the symbols accepted in {@code where(field, op,
 * value)}.
 */
public enum Operator {
    /** Equal: {@code =}. */
    EQ("="),
    /** Not equal: {@code <>} (also {@code !=}). */
    NE("<>"),
    /** Less than: {@code <}. */
    LT("<"),
    /** Less than or equal: {@code <=}. */
    LE("<="),
    /** Greater than: {@code >}. */
    GT(">"),
    /** Greater than or equal: {@code >=}. */
    GE(">="),
    /** Between two values, inclusive: {@code BETWEEN}; the value is a two-element list or array. */
    BETWEEN("BETWEEN"),
    /** One of up to 100 values: {@code IN}; the value is a collection or array. */
    IN("IN"),
    /** String or binary prefix: {@code BEGINS_WITH}. */
    BEGINS_WITH("BEGINS_WITH"),
    /** Substring, or set/list member: {@code CONTAINS}. */
    CONTAINS("CONTAINS"),
    /** Negation of {@link #CONTAINS}: {@code NOT_CONTAINS}. */
    NOT_CONTAINS("NOT_CONTAINS"),
    /** The attribute is present: {@code EXISTS}; takes no value. */
    EXISTS("EXISTS"),
    /** The attribute is absent: {@code NOT_EXISTS}; takes no value. */
    NOT_EXISTS("NOT_EXISTS");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The canonical symbol.
     *
     * @return the symbol, e.g. {@code "<="} or {@code "BEGINS_WITH"}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Whether this operator compares against a value (all but {@link #EXISTS} and {@link
     * #NOT_EXISTS}).
     *
     * @return true when a value is required
     */
    public boolean takesValue() {
        return this != EXISTS && this != NOT_EXISTS;
    }

    /**
     * Parses a symbol or name, ignoring case and surrounding spaces.
     *
     * @param text e.g. {@code "="}, {@code "!="}, {@code "begins_with"}, {@code "between"}
     * @return the operator
     * @throws IllegalArgumentException if the text names no operator
     */
    public static Operator parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("operator must not be null");
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (t.equals("!=")) {
            return NE;
        }
        if (t.equals("==")) {
            return EQ;
        }
        for (Operator op : values()) {
            if (op.symbol.equals(t) || op.name().equals(t)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                String.format(
                        Locale.ROOT,
                        "unknown operator '%s'; use one of =, <>, <, <=, >, >=, BETWEEN, IN, BEGINS_WITH, CONTAINS, "
                                + "NOT_CONTAINS, EXISTS, NOT_EXISTS",
                        text));
    }
}
