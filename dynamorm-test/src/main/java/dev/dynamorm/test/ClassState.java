package dev.dynamorm.test;

import dev.dynamorm.DynamORM;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one test class (and its {@code @Nested} classes) uses: its prefix, the shared client, its
 * DynamORM instance (built on first use). Closing it closes DynamORM and deletes every table with
 * the prefix.
 */
final class ClassState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassState.class);

    private final String ownerId;
    private final BackendContext context;
    private final DynamoDbClient client;
    private DynamORM dynamorm;
    private boolean closed;

    private ClassState(String ownerId, BackendContext context, DynamoDbClient client) {
        this.ownerId = ownerId;
        this.context = context;
        this.client = client;
    }

    /**
     * Sets a test class up: picks its prefix and creates the tables of its models. On failure,
     * deletes what it created before rethrowing.
     */
    static ClassState open(String ownerId, Class<?> testClass, Backend backend, RunningServer server,
            List<Class<?>> models) {
        String prefix = TablePrefixes.next(testClass, server.sharedAcrossRuns());
        ClassState state = new ClassState(ownerId, new BackendContext(backend, prefix, server::endpoint),
                server.client());
        try {
            for (Class<?> model : models) {
                state.dynamorm().table(model).createTable();
            }
        } catch (RuntimeException | Error e) {
            try {
                state.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        LOG.debug("{} runs on {}", testClass.getName(), state.context);
        return state;
    }

    boolean ownedBy(String uniqueId) {
        return ownerId.equals(uniqueId);
    }

    BackendContext context() {
        return context;
    }

    DynamoDbClient client() {
        return client;
    }

    /**
     * The class's DynamORM, built on first use with the client and the class's prefix.
     *
     * @throws IllegalStateException if no engine is on the test path
     */
    synchronized DynamORM dynamorm() {
        if (closed) {
            throw new IllegalStateException("the test class's DynamORM is closed: use it only while the class runs");
        }
        if (dynamorm == null) {
            dynamorm = DynamORM.builder().client(client).tableNamePrefix(context.tableNamePrefix()).build();
        }
        return dynamorm;
    }

    /**
     * Closes DynamORM and deletes the class's tables; later calls do nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        if (dynamorm != null) {
            try {
                dynamorm.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try {
            List<String> deleted = TableCleaner.deleteWithPrefix(client, context.tableNamePrefix());
            LOG.debug("deleted tables {}", deleted);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
