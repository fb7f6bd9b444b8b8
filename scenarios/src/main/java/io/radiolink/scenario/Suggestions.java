package io.radiolink.scenario;

import java.util.Collection;
import java.util.Locale;

/** Did-you-mean: the candidate nearest to a misspelt name, by Levenshtein distance ignoring case. */
final class Suggestions {

    private Suggestions() {}

    /**
     * The candidate nearest to {@code given} if it is near enough to be a likely misspelling (at most
     * two edits, or a third of its length for long names), else null.
     */
    static String likely(String given, Collection<String> candidates) {
        String best = nearest(given, candidates);
        if (best == null) {
            return null;
        }
        int distance = distance(given, best);
        return distance <= Math.max(2, best.length() / 3) ? best : null;
    }

    /** The candidate nearest to {@code given} (the first of equals, in the collection's order), or null if none. */
    static String nearest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(given, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The Levenshtein distance between {@code a} and {@code b}, ignoring case. */
    static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[t.length() + 1];
        int[] current = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length()];
    }
}
