package dev.dynamorm.test;

import dev.dynamorm.DynamORM;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The JUnit 5 extension behind {@link DynamoBackend}; registered by that annotation, rarely used
 * directly.
 *
 * <p>Before all tests of a class it starts the class's backend (once per JVM, shared by all classes,
 * stopped when the run ends), gives the class a unique table-name prefix and creates the tables of
 * its models. After all tests, even failed ones, it closes the class's DynamORM and deletes every
 * table with the prefix. It resolves parameters of type {@link DynamoDbClient}, {@link DynamORM},
 * {@link Backend} and {@link BackendContext}.
 *
 * <p>A backend that cannot start skips the class, each test reported as skipped with the reason; a
 * backend named in {@code -Ddynamorm.it.require} fails the class instead.
 */
public final class DynamoBackendExtension
        implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DynamoBackendExtension.class);
    private static final Object STATE_KEY = ClassState.class;

    /**
     * Creates the extension; JUnit does this.
     */
    public DynamoBackendExtension() {
    }

    /**
     * Disables a test class whose backend cannot start (and is not required), with the reason;
     * starts the backend on first use.
     *
     * @param context the context of a class or test
     * @return disabled with the reason, or enabled
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()
                || context.getStore(NAMESPACE).get(STATE_KEY, ClassState.class) != null) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        Settings settings = Settings.of(context);
        Selection selection = Selection.of(context.getRequiredTestClass(), settings);
        Backend backend = selection.backend();
        ServerSlot slot = slot(context, backend, settings);
        if (slot.available()) {
            return ConditionEvaluationResult.enabled("backend " + backend + " runs: " + slot.server());
        }
        RequirePolicy policy = RequirePolicy.of(settings);
        if (policy.requires(backend)) {
            return ConditionEvaluationResult.enabled("backend " + backend + " is required: the class fails");
        }
        return ConditionEvaluationResult.disabled(policy.skipReason(backend, slot.reason()));
    }

    /**
     * Starts the backend if needed and sets the test class up.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        state(context);
    }

    /**
     * Closes the class's DynamORM and deletes its tables.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(STATE_KEY, ClassState.class);
        if (state != null && state.ownedBy(context.getUniqueId())) {
            state.close();
        }
    }

    /**
     * Whether the parameter is a {@link DynamoDbClient}, {@link DynamORM}, {@link Backend} or
     * {@link BackendContext}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return true for those types
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DynamoDbClient.class || type == DynamORM.class || type == Backend.class
                || type == BackendContext.class;
    }

    /**
     * The client, DynamORM instance, backend or context of the test class.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the value
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ClassState state = state(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == DynamoDbClient.class) {
            return state.client();
        }
        if (type == Backend.class) {
            return state.context().backend();
        }
        if (type == BackendContext.class) {
            return state.context();
        }
        try {
            return state.dynamorm();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException("cannot inject DynamORM: " + e.getMessage(), e);
        }
    }

    /**
     * The state of the test class around {@code context}, set up on first use. Nested classes find
     * their outer class's state, since stores look up their parents.
     */
    private static ClassState state(ExtensionContext context) {
        ClassState existing = context.getStore(NAMESPACE).get(STATE_KEY, ClassState.class);
        if (existing != null) {
            return existing;
        }
        ExtensionContext classContext = classContext(context);
        Settings settings = Settings.of(classContext);
        Class<?> testClass = classContext.getRequiredTestClass();
        Selection selection = Selection.of(testClass, settings);
        Backend backend = selection.backend();
        ServerSlot slot = slot(classContext, backend, settings);
        if (!slot.available()) {
            throw RequirePolicy.of(settings).unavailable(backend, slot.reason());
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(STATE_KEY,
                key -> ClassState.open(classContext.getUniqueId(), testClass, backend, slot.server(),
                        selection.models()),
                ClassState.class);
    }

    /**
     * The backend's server, started at most once per test run (the root context), stopped when the
     * run ends.
     */
    private static ServerSlot slot(ExtensionContext context, Backend backend, Settings settings) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ServerSlot.key(backend),
                key -> ServerSlot.open(backend, ServerLauncher.of(settings)), ServerSlot.class);
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
