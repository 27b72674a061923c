package dev.dynamorm.local.internal.engine;

/**
 * Scores of the vector distance functions, computed exactly (brute force) over 32-bit vectors with
 * double accumulation, the precision at which DynamoDB stores indexed vectors.
 */
final class VectorScores {
    private VectorScores() {}

    /** Whether lower scores are nearer under a distance function. */
    static boolean ascending(String distance) {
        return !distance.equals("DOT_PRODUCT");
    }

    /** The score of {@code item} against the search vector {@code query}. */
    static double score(String distance, float[] query, float[] item) {
        return switch (distance) {
            case "COSINE" -> cosine(query, item);
            case "EUCLIDEAN" -> euclidean(query, item);
            case "DOT_PRODUCT" -> dot(query, item);
            default -> throw new IllegalArgumentException(distance);
        };
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** One minus the cosine similarity; 1 when either vector is all zeros. */
    static double cosine(float[] a, float[] b) {
        double norms = Math.sqrt(dot(a, a)) * Math.sqrt(dot(b, b));
        return norms == 0 ? 1.0 : 1.0 - dot(a, b) / norms;
    }

    static double euclidean(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
