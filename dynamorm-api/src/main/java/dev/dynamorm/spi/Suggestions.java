package dev.dynamorm.spi;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Did-you-mean suggestions for names in error messages: the one rule DynamORM, its test kit and its
 * plugins use when a field, property, option or plugin name matches nothing.
 *
 * <pre>{@code
 * Suggestions.nearest("cahce", List.of("cache", "audit"))   // Optional[cache]
 * }</pre>
 */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The known name closest to {@code given} by edit distance (Levenshtein, ignoring case), when
     * it is close enough to be a likely typo: at most a third of the given name's length in edits,
     * and always at least 2. The first of equally close names wins.
     *
     * @param given the name that matched nothing
     * @param known the names that would have matched
     * @return the suggestion, or empty when no known name is close
     * @throws NullPointerException if an argument or a known name is null
     */
    public static Optional<String> nearest(String given, Collection<String> known) {
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(known, "known");
        String lowerGiven = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(lowerGiven, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * The message tail for a name that matched nothing: {@code "did you mean 'x'? "} when a known
     * name is close, else the empty string; callers append the list of known names after it.
     *
     * @param given the name that matched nothing
     * @param known the names that would have matched
     * @return the hint, possibly empty
     * @throws NullPointerException if an argument or a known name is null
     */
    public static String didYouMean(String given, Collection<String> known) {
        return nearest(given, known).map(n -> "did you mean '" + n + "'? ").orElse("");
    }

    /** The Levenshtein distance of two strings. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                Math.min(current[j - 1] + 1, previous[j] + 1),
                                previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
