package dev.dynamorm.test;

import java.util.Locale;

/**
 * A DynamoDB-compatible server a test class can run against.
 *
 * <p>Every backend but {@link #ENDPOINT} is started by the kit, once per JVM, on the loopback
 * interface; a backend that cannot start makes its test classes skip (or fail, when named in {@code
 * -Ddynamorm.it.require}).
 */
public enum Backend {

    /** The in-process engine of {@code dynamorm-local}; needs that artifact on the test path. */
    EMBEDDED(true),

    /**
     * Dynoxide, a static server binary installed into {@code test-servers/node_modules} by the
     * build.
     */
    DYNOXIDE(true),

    /**
     * Dynalite, a Node.js server installed into {@code test-servers/node_modules}; has no
     * transactions.
     */
    DYNALITE(false),

    /**
     * LocalStack in Docker through Testcontainers ({@code localstack/localstack:3}); needs Docker.
     */
    LOCALSTACK(true),

    /**
     * A server you run yourself: {@code -Ddynamorm.test.endpoint=http://127.0.0.1:8000} (region
     * from {@code -Ddynamorm.test.region}, default {@code us-east-1}), or {@code
     * -Ddynamorm.test.endpoint=aws} for real DynamoDB with the default credentials chain.
     */
    ENDPOINT(true);

    private final boolean transactions;

    Backend(boolean transactions) {
        this.transactions = transactions;
    }

    /**
     * Whether the backend implements {@code TransactWriteItems} and {@code TransactGetItems}.
     *
     * @return true if transactions work on this backend
     */
    public boolean supportsTransactions() {
        return transactions;
    }

    /**
     * The backend of a case-insensitive name, as given in system properties.
     *
     * @param name a backend name such as {@code dynoxide}
     * @return the backend
     * @throws IllegalArgumentException if no backend has that name
     */
    static Backend fromName(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (Backend backend : values()) {
            if (backend.name().equals(wanted)) {
                return backend;
            }
        }
        throw new IllegalArgumentException(
                "unknown backend '" + name.trim() + "': use one of " + names());
    }

    /**
     * The lower-case names of all backends, for messages.
     *
     * @return e.g. {@code embedded, dynoxide, dynalite, localstack, endpoint}
     */
    static String names() {
        StringBuilder out = new StringBuilder();
        for (Backend backend : values()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(backend.name().toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
