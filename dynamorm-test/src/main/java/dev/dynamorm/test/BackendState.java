package dev.dynamorm.test;

import dev.dynamorm.DynamORM;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.test.assertions.RequestRecorder;
import dev.dynamorm.test.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one test class (with its {@code @Nested} classes), or one test with a backend of its own,
 * uses: its prefix, its client (the server's shared one, or its own recording one), its DynamORM
 * instance (built on first use) and its models. Closing it closes DynamORM, deletes every table
 * with the prefix and closes its own client.
 */
final class BackendState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackendState.class);

    private final String ownerId;
    private final Class<?> testClass;
    private final BackendContext context;
    private final DynamoDbClient client;
    private final RequestRecorder recorder;
    private final List<Class<?>> models;
    private DynamORM dynamorm;
    private boolean closed;

    private BackendState(
            String ownerId,
            Class<?> testClass,
            BackendContext context,
            DynamoDbClient client,
            RequestRecorder recorder,
            List<Class<?>> models) {
        this.ownerId = ownerId;
        this.testClass = testClass;
        this.context = context;
        this.client = client;
        this.recorder = recorder;
        this.models = List.copyOf(models);
    }

    /**
     * Sets a scope up: picks its prefix, builds its recording client if asked, creates the tables
     * of its models and loads its fixtures. On failure, deletes what it created before rethrowing.
     *
     * @param scope the name in the prefix: the class's simple name, or {@code Class_method}
     */
    static BackendState open(
            String ownerId,
            Class<?> testClass,
            String scope,
            Selection selection,
            RunningServer server) {
        String prefix = TablePrefixes.next(scope, server.sharedAcrossRuns());
        RequestRecorder recorder = selection.recordRequests() ? new RequestRecorder() : null;
        DynamoDbClient client =
                recorder != null ? server.recordingClient(recorder) : server.client();
        BackendState state =
                new BackendState(
                        ownerId,
                        testClass,
                        new BackendContext(selection.backend(), prefix, server::endpoint, client),
                        client,
                        recorder,
                        selection.models());
        try {
            Set<Class<?>> created = new HashSet<>();
            for (Class<?> model : selection.models()) {
                // members of an entity family share the family's table: create it once
                Class<?> owner = tableOwner(model);
                if (created.add(owner)) {
                    state.dynamorm().table(owner).createTable();
                }
            }
            state.load(selection.fixtures());
        } catch (RuntimeException | Error e) {
            try {
                state.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        LOG.debug("{} runs on {}", scope, state.context);
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
     * The recorder of this scope's client.
     *
     * @throws IllegalStateException if the scope does not record requests
     */
    RequestRecorder recorder() {
        if (recorder == null) {
            throw new IllegalStateException(
                    "a RequestRecorder needs a client that records: annotate "
                            + testClass.getName()
                            + " with @DynamoBackend(recordRequests = true) (or the test with"
                            + " @BackendTest(..., recordRequests = true))");
        }
        return recorder;
    }

    /** Forgets the recorded requests, if this scope records. */
    void clearRecorder() {
        if (recorder != null) {
            recorder.clear();
        }
    }

    /**
     * The scope's DynamORM, built on first use with its client and prefix.
     *
     * @throws IllegalStateException if no engine is on the test path, or the scope is closed
     */
    synchronized DynamORM dynamorm() {
        if (closed) {
            throw new IllegalStateException(
                    "the test's DynamORM is closed: use it only while the test or class runs");
        }
        if (dynamorm == null) {
            dynamorm =
                    DynamORM.builder()
                            .client(client)
                            .tableNamePrefix(context.tableNamePrefix())
                            .build();
        }
        return dynamorm;
    }

    /**
     * A fixtures loader writing through this scope's DynamORM and client, knowing its models and
     * prefix, resolving names next to the test class.
     */
    Fixtures fixtures() {
        List<Class<?>> tableModels =
                models.stream()
                        .filter(m -> tableOwner(m).isAnnotationPresent(DynamoTable.class))
                        .collect(Collectors.toList());
        return Fixtures.of(dynamorm())
                .withModels(tableModels.toArray(new Class<?>[0]))
                .withTablePrefix(context.tableNamePrefix())
                .withClient(client)
                .relativeTo(testClass);
    }

    /**
     * The class whose {@code @DynamoTable} a model's table follows: the sealed entity family it is
     * a member of, else the model itself.
     */
    static Class<?> tableOwner(Class<?> model) {
        if (model.isAnnotationPresent(DynamoTable.class)) {
            return model;
        }
        List<Class<?>> supers = new ArrayList<>(List.of(model.getInterfaces()));
        if (model.getSuperclass() != null) {
            supers.add(model.getSuperclass());
        }
        for (Class<?> s : supers) {
            if (s.isSealed()
                    && s.isAnnotationPresent(DynamoTable.class)
                    && List.of(s.getPermittedSubclasses()).contains(model)) {
                return s;
            }
        }
        return model;
    }

    /** Loads fixture files into this scope's tables. */
    void load(List<Selection.FixtureRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        Fixtures fixtures = fixtures();
        for (Selection.FixtureRef ref : refs) {
            fixtures.relativeTo(ref.anchor()).load(ref.name());
        }
    }

    /**
     * Closes DynamORM, deletes the scope's tables and closes its own client; later calls do
     * nothing.
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
        if (recorder != null) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the recording client failed", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
