package dev.dynamorm.test;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a test class (or a test with a backend of its own) runs against: the backend, its endpoint
 * and the table-name prefix. Inject it as a parameter of a test, lifecycle method or constructor.
 */
public final class BackendContext {

    private final Backend backend;
    private final String tableNamePrefix;
    private final Supplier<URI> endpoint;
    private final DynamoDbClient client;

    BackendContext(
            Backend backend,
            String tableNamePrefix,
            Supplier<URI> endpoint,
            DynamoDbClient client) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.tableNamePrefix = Objects.requireNonNull(tableNamePrefix, "tableNamePrefix");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.client = Objects.requireNonNull(client, "client");
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
     * The prefix of every table of this test class, unique in the JVM (e.g. {@code
     * t3_CrudOnDynoxideIT_}). The injected {@code DynamORM} applies it; with the raw client, use
     * {@link #tableName(String)}.
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
     * Creates a table without a model under this class's prefix, with the class's client, and waits
     * until it is active; like every table with the prefix, it is deleted after the class (or
     * test).
     *
     * <pre>{@code
     * String events = backend.createTable(TestTable.builder("events").partitionKey("pk").build());
     * }</pre>
     *
     * @param table the table definition
     * @return the full table name, {@code tableName(table.name())}
     * @throws software.amazon.awssdk.services.dynamodb.model.ResourceInUseException if it exists
     */
    public String createTable(TestTable table) {
        String name = tableName(Objects.requireNonNull(table, "table").name());
        table.create(client, name);
        return name;
    }

    /**
     * The HTTP endpoint of the backend ({@code http://127.0.0.1:PORT} for local servers); for real
     * AWS ({@code -Ddynamorm.test.endpoint=aws}), the regional DynamoDB endpoint. For {@link
     * Backend#EMBEDDED}, whose injected client works in-process, the first call starts the engine's
     * HTTP listener on 127.0.0.1.
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
