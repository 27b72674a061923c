package dev.dynamorm.internal;

import dev.dynamorm.Operation;
import java.util.Objects;

/**
 * Which operations {@link dev.dynamorm.PluginAccess#observe} runs: the rule every implementation
 * (the engine, the test kit's mock) checks the same way. Not API (see the package documentation).
 */
public final class ObservedOperations {

    private ObservedOperations() {}

    /**
     * Checks that {@code observe} may run an operation: only {@link Operation#STREAM_READ} is work
     * that sends no request of its own.
     *
     * @param operation the operation given to {@code observe}
     * @return the operation
     * @throws IllegalArgumentException if it is another operation
     * @throws NullPointerException if it is null
     */
    public static Operation require(Operation operation) {
        if (Objects.requireNonNull(operation, "operation") != Operation.STREAM_READ) {
            throw new IllegalArgumentException(
                    "observe runs work that sends no request of its own: only STREAM_READ is such"
                            + " an operation, not "
                            + operation);
        }
        return operation;
    }
}
