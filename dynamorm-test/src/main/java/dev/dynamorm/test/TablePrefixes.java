package dev.dynamorm.test;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique table-name prefixes, one per test class (or test with a backend of its own): {@code
 * t<counter>_<ClassSimpleName>_}, with a random run token after the counter for servers that
 * outlive the JVM.
 */
final class TablePrefixes {

    private static final int MAX_NAME = 40;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN_TOKEN = runToken();

    private TablePrefixes() {}

    static String next(Class<?> testClass, boolean withRunToken) {
        return next(testClass.getSimpleName(), withRunToken);
    }

    /**
     * A prefix for a named scope: a class's simple name, or {@code Class_method} for a test with a
     * backend of its own.
     */
    static String next(String name, boolean withRunToken) {
        int n = COUNTER.incrementAndGet();
        return "t" + n + "_" + (withRunToken ? RUN_TOKEN + "_" : "") + sanitize(name) + "_";
    }

    /**
     * Keeps only the characters DynamoDB allows in table names ({@code [a-zA-Z0-9_.-]}), at most
     * 40.
     */
    static String sanitize(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (cleaned.isEmpty()) {
            cleaned = "Anonymous";
        }
        return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) : cleaned;
    }

    private static String runToken() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
