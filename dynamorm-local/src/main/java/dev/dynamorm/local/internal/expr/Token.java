package dev.dynamorm.local.internal.expr;

/** A lexical token of a DynamoDB expression; {@code start} is the offset in the source text. */
record Token(Kind kind, String text, int start) {
    enum Kind {
        NAME,
        NAME_REF,
        VALUE_REF,
        NUMBER,
        LPAREN,
        RPAREN,
        LBRACK,
        RBRACK,
        DOT,
        COMMA,
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE,
        PLUS,
        MINUS,
        EOF
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }
}
