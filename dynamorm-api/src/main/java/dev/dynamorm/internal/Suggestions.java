package dev.dynamorm.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Did-you-mean suggestions for names in error messages: the known name nearest to a given one by
 * edit distance. Not API (see the package documentation).
 */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The known name closest to {@code given} by edit distance, ignoring case, when it is close
     * enough to be a likely typo: at most a third of the given name's length, and at least 2 edits
     * are always allowed. Ties go to the name met first.
     *
     * @param given the name as written
     * @param known the names that exist
     * @return the suggestion, or empty when no known name is close enough
     * @throws NullPointerException if an argument or a known name is null
     */
    public static Optional<String> nearest(String given, Collection<String> known) {
        Objects.requireNonNull(given, "given");
        String lower = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * The Levenshtein distance of two strings: the fewest single-character insertions, deletions
     * and substitutions that turn one into the other. Case-sensitive.
     *
     * @param a one string
     * @param b the other
     * @return the distance, 0 for equal strings
     * @throws NullPointerException if an argument is null
     */
    public static int distance(String a, String b) {
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
