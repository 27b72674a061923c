package dev.dynamorm.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One run of a {@link BackendTest} on one backend: skips it when the backend cannot start (unless
 * required), sets up its own prefix, tables and fixtures before it and removes them after it. The
 * {@link DynamoBackendExtension} then resolves the run's parameters from the state stored here.
 */
final class BackendRun implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {

    private final Backend backend;
    private final BackendTest annotation;

    BackendRun(Backend backend, BackendTest annotation) {
        this.backend = backend;
        this.annotation = annotation;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return DynamoBackendExtension.availability(context, backend, Settings.of(context), "test");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Settings settings = Settings.of(context);
        Selection selection =
                Selection.of(context.getRequiredTestClass(), settings)
                        .forRun(backend, annotation.models(), annotation.recordRequests());
        BackendState state = DynamoBackendExtension.openTestState(context, selection, settings);
        DynamoBackendExtension.prepareTest(context, state);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        DynamoBackendExtension.closeOwned(context);
    }

    @Override
    public String toString() {
        return "BackendRun[" + backend + "]";
    }
}
