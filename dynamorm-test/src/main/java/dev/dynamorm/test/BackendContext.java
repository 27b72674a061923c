package dev.dynamorm.test;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a test class runs against: the backend, its endpoint and the class's table-name prefix.
 * Inject it as a parameter of a test, lifecycle method or constructor.
 */
public final class BackendContext {

    private final Backend backend;
    private final String tableNamePrefix;
    private final Supplier<URI> endpoint;

    BackendContext(Backend backend, String tableNamePrefix, Supplier<URI> endpoint) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.tableNamePrefix = Objects.requireNonNull(tableNamePrefix, "tableNamePrefix");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * The backend.
     *
     * @return the backend
     */
    public Backend backend() {
        return backend;
    }

    /**
     * The prefix of every table of this test class, unique in the JVM (e.g. {@code t3_CrudOnDynoxideIT_}).
     * The injected {@code DynamORM} applies it; with the raw client, use {@link #tableName(String)}.
     *
     * @return the prefix
     */
    public String tableNamePrefix() {
        return tableNamePrefix;
    }

    /**
     * The full name of a table of this class: the prefix followed by the given name.
     *
     * @param name the name without prefix
     * @return the prefixed name
     */
    public String tableName(String name) {
        return tableNamePrefix + Objects.requireNonNull(name, "name");
    }

    /**
     * The HTTP endpoint of the backend ({@code http://127.0.0.1:PORT} for local servers); for
     * real AWS ({@code -Ddynamorm.test.endpoint=aws}), the regional DynamoDB endpoint. For
     * {@link Backend#EMBEDDED}, whose injected client works in-process, the first call starts the
     * engine's HTTP listener on 127.0.0.1.
     *
     * @return the endpoint URI
     */
    public URI endpoint() {
        return endpoint.get();
    }

    /**
     * Whether the backend implements transactions; tests of transactions should assume it.
     *
     * @return true if transactions work
     */
    public boolean supportsTransactions() {
        return backend.supportsTransactions();
    }

    @Override
    public String toString() {
        return backend + " with table prefix " + tableNamePrefix;
    }
}
