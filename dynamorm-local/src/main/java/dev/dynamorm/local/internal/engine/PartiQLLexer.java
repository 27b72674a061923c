package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens: quoted literals and names (with their quotes kept),
 * numbers, words and operators ({@code << >> <= >= <> !=} as one token each).
 */
final class PartiQLLexer {
    private PartiQLLexer() {}

    /** DynamoDB's error for a statement it cannot parse. */
    static DynamoException malformed(String detail) {
        return DynamoException.validation(
                "Statement wasn't well formed, can't be processed: " + detail);
    }

    static List<String> tokenize(String s) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(s, i, tokens);
            } else if (Character.isDigit(c) || negativeNumber(s, i, tokens)) {
                i = number(s, i, tokens);
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
        return tokens;
    }

    /** A quoted literal or name; a doubled quote stands for one. Returns the index after it. */
    private static int quoted(String s, int start, List<String> tokens) {
        char quote = s.charAt(start);
        StringBuilder b = new StringBuilder().append(quote);
        int j = start + 1;
        while (true) {
            if (j >= s.length()) {
                throw malformed("unterminated literal");
            }
            char d = s.charAt(j);
            if (d == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    b.append(quote);
                    j += 2;
                    continue;
                }
                break;
            }
            b.append(d);
            j++;
        }
        tokens.add(b.append(quote).toString());
        return j + 1;
    }

    /** A minus sign starts a number where an operand is expected (after an operator). */
    private static boolean negativeNumber(String s, int i, List<String> tokens) {
        return s.charAt(i) == '-'
                && i + 1 < s.length()
                && Character.isDigit(s.charAt(i + 1))
                && (tokens.isEmpty() || isOperator(tokens.get(tokens.size() - 1)));
    }

    private static int number(String s, int start, List<String> tokens) {
        int j = start + 1;
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
        tokens.add(s.substring(start, j));
        return j;
    }

    /** True for operator and punctuation tokens other than closing brackets. */
    static boolean isOperator(String t) {
        return t.length() <= 2
                && !Character.isLetterOrDigit(t.charAt(0))
                && t.charAt(0) != '\''
                && t.charAt(0) != '"'
                && !t.equals(")")
                && !t.equals("]");
    }
}
