package dev.dynamorm.test;

import dev.dynamorm.DynamORM;
import dev.dynamorm.test.assertions.RequestRecorder;
import dev.dynamorm.test.fixtures.Fixture;
import dev.dynamorm.test.fixtures.Fixtures;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The JUnit 5 extension behind {@link DynamoBackend}, {@link BackendTest} and {@link Fixture};
 * registered by those annotations, rarely used directly.
 *
 * <p>Before all tests of a class it starts the class's backend (once per JVM, shared by all
 * classes, stopped when the run ends), gives the class a unique table-name prefix, creates the
 * tables of its models and loads its fixtures. A test annotated with {@link DynamoBackend}, and
 * each run of a {@link BackendTest}, gets the same on its own backend, before the test. Before each
 * test it loads the test's fixtures and clears the request recorder. After all tests (or after a
 * test with its own backend), even failed ones, it closes the DynamORM instance and deletes every
 * table with the prefix. It resolves parameters of type {@link DynamoDbClient}, {@link DynamORM},
 * {@link Backend}, {@link BackendContext}, {@link Fixtures} and {@link RequestRecorder}.
 *
 * <p>A backend that cannot start skips the class (or test), each test reported as skipped with the
 * reason; a backend named in {@code -Ddynamorm.it.require} fails it instead.
 */
public final class DynamoBackendExtension
        implements ExecutionCondition,
                BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver,
                TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DynamoBackendExtension.class);
    private static final Object STATE_KEY = BackendState.class;

    /** Creates the extension; JUnit does this. */
    public DynamoBackendExtension() {}

    /**
     * Disables a test class (or a test with its own backend) whose backend cannot start and is not
     * required, with the reason; starts the backend on first use.
     *
     * @param context the context of a class or test
     * @return disabled with the reason, or enabled
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("not a test class");
        }
        Settings settings = Settings.of(context);
        if (context.getTestMethod().isEmpty()) {
            if (context.getStore(NAMESPACE).get(STATE_KEY, BackendState.class) != null) {
                return ConditionEvaluationResult.enabled("decided for the enclosing class");
            }
            return availability(
                    context,
                    Selection.of(context.getRequiredTestClass(), settings).backend(),
                    settings,
                    "class");
        }
        Method method = context.getRequiredTestMethod();
        if (method.isAnnotationPresent(BackendTest.class)
                || !method.isAnnotationPresent(DynamoBackend.class)) {
            return ConditionEvaluationResult.enabled("decided for the class or each run");
        }
        Backend backend =
                Selection.of(context.getRequiredTestClass(), settings).forMethod(method).backend();
        return availability(context, backend, settings, "test");
    }

    /**
     * Enabled when the backend runs or is required (then the setup fails), else disabled with the
     * reason.
     */
    static ConditionEvaluationResult availability(
            ExtensionContext context, Backend backend, Settings settings, String what) {
        ServerSlot slot = slot(context, backend, settings);
        if (slot.available()) {
            return ConditionEvaluationResult.enabled(
                    "backend " + backend + " runs: " + slot.server());
        }
        RequirePolicy policy = RequirePolicy.of(settings);
        if (policy.requires(backend)) {
            return ConditionEvaluationResult.enabled(
                    "backend " + backend + " is required: the " + what + " fails");
        }
        return ConditionEvaluationResult.disabled(policy.skipReason(backend, slot.reason(), what));
    }

    /**
     * Starts the backend if needed and sets the test class up (tables, class fixtures); a
     * {@code @Nested} class loads its own class fixtures into its outer class's tables.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        BackendState existing = context.getStore(NAMESPACE).get(STATE_KEY, BackendState.class);
        if (existing == null) {
            state(context);
        } else if (!existing.ownedBy(context.getUniqueId())) {
            existing.load(Selection.declaredFixtures(context.getRequiredTestClass()));
        }
    }

    /**
     * Closes the class's DynamORM and deletes its tables.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        closeOwned(context);
    }

    /**
     * Sets up a test with a backend of its own; loads the test's fixtures; clears the recorder.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (method.isAnnotationPresent(BackendTest.class)) {
            return; // each run sets itself up, see BackendRun
        }
        BackendState state;
        if (method.isAnnotationPresent(DynamoBackend.class) || !hasClassState(context)) {
            Settings settings = Settings.of(context);
            Selection selection =
                    Selection.of(context.getRequiredTestClass(), settings).forMethod(method);
            state = openTestState(context, selection, settings);
        } else {
            state = state(context);
        }
        prepareTest(context, state);
    }

    /**
     * Closes the state of a test with a backend of its own.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        closeOwned(context);
    }

    /**
     * Whether the test method is a {@link BackendTest}.
     *
     * @param context the template's context
     * @return true for {@link BackendTest} methods
     */
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> m.isAnnotationPresent(BackendTest.class))
                .orElse(false);
    }

    /**
     * One run per backend of the {@link BackendTest}, named after the backend.
     *
     * @param context the template's context
     * @return the runs
     * @throws ExtensionConfigurationException if the annotation names no backend, or one twice
     */
    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
            ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        BackendTest annotation = method.getAnnotation(BackendTest.class);
        if (annotation.value().length == 0) {
            throw new ExtensionConfigurationException(
                    "@BackendTest on "
                            + method.getDeclaringClass().getName()
                            + "."
                            + method.getName()
                            + " names no backend: name at least one, e.g. @BackendTest({Backend.EMBEDDED,"
                            + " Backend.DYNOXIDE})");
        }
        List<TestTemplateInvocationContext> runs = new ArrayList<>();
        for (Backend backend : annotation.value()) {
            if (List.of(annotation.value()).indexOf(backend) != runs.size()) {
                throw new ExtensionConfigurationException(
                        "@BackendTest on "
                                + method.getDeclaringClass().getName()
                                + "."
                                + method.getName()
                                + " names "
                                + backend
                                + " twice: name each backend once");
            }
            runs.add(
                    new TestTemplateInvocationContext() {
                        @Override
                        public String getDisplayName(int invocationIndex) {
                            return "[" + backend.name().toLowerCase(Locale.ROOT) + "]";
                        }

                        @Override
                        public List<Extension> getAdditionalExtensions() {
                            return List.of(new BackendRun(backend, annotation));
                        }
                    });
        }
        return runs.stream();
    }

    /**
     * Whether the parameter is a {@link DynamoDbClient}, {@link DynamORM}, {@link Backend}, {@link
     * BackendContext}, {@link Fixtures} or {@link RequestRecorder}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return true for those types
     */
    @Override
    public boolean supportsParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DynamoDbClient.class
                || type == DynamORM.class
                || type == Backend.class
                || type == BackendContext.class
                || type == Fixtures.class
                || type == RequestRecorder.class;
    }

    /**
     * The client, DynamORM instance, backend, context, fixtures loader or recorder of the test (or
     * of its class).
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the value
     */
    @Override
    public Object resolveParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        BackendState state = state(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        try {
            if (type == DynamoDbClient.class) {
                return state.client();
            }
            if (type == Backend.class) {
                return state.context().backend();
            }
            if (type == BackendContext.class) {
                return state.context();
            }
            if (type == RequestRecorder.class) {
                return state.recorder();
            }
            if (type == Fixtures.class) {
                return state.fixtures();
            }
            return state.dynamorm();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(
                    "cannot inject " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The state of the test (if it has its own) or of the test class around {@code context}, set up
     * on first use. Nested classes find their outer class's state, since stores look up their
     * parents.
     */
    private static BackendState state(ExtensionContext context) {
        BackendState existing = context.getStore(NAMESPACE).get(STATE_KEY, BackendState.class);
        if (existing != null) {
            return existing;
        }
        ExtensionContext classContext = classContext(context);
        Settings settings = Settings.of(classContext);
        Class<?> testClass = classContext.getRequiredTestClass();
        Selection selection = Selection.of(testClass, settings);
        RunningServer server = server(classContext, selection.backend(), settings);
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        STATE_KEY,
                        key ->
                                BackendState.open(
                                        classContext.getUniqueId(),
                                        testClass,
                                        testClass.getSimpleName(),
                                        selection,
                                        server),
                        BackendState.class);
    }

    private static boolean hasClassState(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(STATE_KEY, BackendState.class) != null;
    }

    /**
     * Opens the state of a test with a backend of its own (a test annotated with {@link
     * DynamoBackend}, a run of a {@link BackendTest}, or a test of a class the kit does not set
     * up), stored in the test's context and closed after it.
     */
    static BackendState openTestState(
            ExtensionContext context, Selection selection, Settings settings) {
        RunningServer server = server(context, selection.backend(), settings);
        Method method = context.getRequiredTestMethod();
        Class<?> testClass = context.getRequiredTestClass();
        String scope = testClass.getSimpleName() + "_" + method.getName();
        BackendState state =
                BackendState.open(context.getUniqueId(), testClass, scope, selection, server);
        context.getStore(NAMESPACE).put(STATE_KEY, state);
        return state;
    }

    /** Loads the test method's fixtures and clears the recorder. */
    static void prepareTest(ExtensionContext context, BackendState state) {
        Method method = context.getRequiredTestMethod();
        state.load(
                Selection.fixturesOf(
                        method.getAnnotation(Fixture.class), context.getRequiredTestClass()));
        state.clearRecorder();
    }

    /** Closes the state stored by this very context, if any. */
    static void closeOwned(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        BackendState state = store.get(STATE_KEY, BackendState.class);
        if (state != null && state.ownedBy(context.getUniqueId())) {
            try {
                state.close();
            } finally {
                store.remove(STATE_KEY);
            }
        }
    }

    /** The running server of a backend, or the exception that skips or fails the class or test. */
    private static RunningServer server(
            ExtensionContext context, Backend backend, Settings settings) {
        ServerSlot slot = slot(context, backend, settings);
        if (!slot.available()) {
            throw RequirePolicy.of(settings).unavailable(backend, slot.reason());
        }
        return slot.server();
    }

    /**
     * The backend's server, started at most once per test run (the root context), stopped when the
     * run ends.
     */
    static ServerSlot slot(ExtensionContext context, Backend backend, Settings settings) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        ServerSlot.key(backend),
                        key -> ServerSlot.open(backend, ServerLauncher.of(settings)),
                        ServerSlot.class);
    }

    /**
     * The context of the innermost test class around {@code context} (a method's context has its
     * class's as parent).
     */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
