package dev.dynamorm.test.mock;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence, for MockDB's mismatch messages: common lines are
 * indented by two spaces, expected-only lines start with {@code - }, actual-only with {@code + }.
 */
final class LineDiff {

    private LineDiff() {}

    /** How many lines the two lists have in common, in order. */
    static int common(List<String> a, List<String> b) {
        return table(a, b)[0][0];
    }

    private static int[][] table(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] =
                        a.get(i).equals(b.get(j))
                                ? lcs[i + 1][j + 1] + 1
                                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        return lcs;
    }

    static List<String> diff(List<String> expected, List<String> actual) {
        int[][] lcs = table(expected, actual);
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < expected.size() && j < actual.size()) {
            if (expected.get(i).equals(actual.get(j))) {
                out.add("  " + expected.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add("- " + expected.get(i++));
            } else {
                out.add("+ " + actual.get(j++));
            }
        }
        while (i < expected.size()) {
            out.add("- " + expected.get(i++));
        }
        while (j < actual.size()) {
            out.add("+ " + actual.get(j++));
        }
        return out;
    }
}
