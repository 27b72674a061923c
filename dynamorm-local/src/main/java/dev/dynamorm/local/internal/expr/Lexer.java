package dev.dynamorm.local.internal.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens. */
final class Lexer {
    private Lexer() {}

    static List<Token> tokenize(String text, String exprKind) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isNameChar(text.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw ExpressionException.syntax(exprKind, text, String.valueOf(c), start);
                }
                out.add(
                        new Token(
                                c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF,
                                text.substring(start, i),
                                start));
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                if (i < n && isNameChar(text.charAt(i))) {
                    while (i < n && isNameChar(text.charAt(i))) {
                        i++;
                    }
                    throw ExpressionException.syntax(
                            exprKind, text, text.substring(start, i), start);
                }
                out.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < n && isNameChar(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.NAME, text.substring(start, i), start));
                continue;
            }
            Token.Kind kind;
            int len = 1;
            switch (c) {
                case '(' -> kind = Token.Kind.LPAREN;
                case ')' -> kind = Token.Kind.RPAREN;
                case '[' -> kind = Token.Kind.LBRACK;
                case ']' -> kind = Token.Kind.RBRACK;
                case '.' -> kind = Token.Kind.DOT;
                case ',' -> kind = Token.Kind.COMMA;
                case '=' -> kind = Token.Kind.EQ;
                case '+' -> kind = Token.Kind.PLUS;
                case '-' -> kind = Token.Kind.MINUS;
                case '<' -> {
                    if (i + 1 < n && text.charAt(i + 1) == '>') {
                        kind = Token.Kind.NE;
                        len = 2;
                    } else if (i + 1 < n && text.charAt(i + 1) == '=') {
                        kind = Token.Kind.LE;
                        len = 2;
                    } else {
                        kind = Token.Kind.LT;
                    }
                }
                case '>' -> {
                    if (i + 1 < n && text.charAt(i + 1) == '=') {
                        kind = Token.Kind.GE;
                        len = 2;
                    } else {
                        kind = Token.Kind.GT;
                    }
                }
                default -> throw ExpressionException.invalidChar(exprKind, c, start);
            }
            out.add(new Token(kind, text.substring(start, start + len), start));
            i += len;
        }
        out.add(new Token(Token.Kind.EOF, "<EOF>", n));
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
