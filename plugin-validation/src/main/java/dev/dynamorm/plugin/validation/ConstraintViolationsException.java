package dev.dynamorm.plugin.validation;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A write refused before it was sent because the item, or a value an update sets, breaks Bean
 * Validation constraints. Lists every violation of the item with its property path; nothing of the
 * operation (batch, transaction) was sent.
 */
public final class ConstraintViolationsException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /** Immutable, and a serializable list ({@code List.copyOf}). */
    @SuppressWarnings("serial") // List.copyOf returns a serializable list
    private final List<Violation> violations;

    /**
     * Creates the exception; the message lists the violations.
     *
     * @param operation the write
     * @param modelType the model
     * @param key the item's key as described in messages, e.g. {@code id=o-1}
     * @param violations the violations, in path order
     */
    public ConstraintViolationsException(
            Operation operation, Class<?> modelType, String key, List<Violation> violations) {
        super(message(operation, modelType, key, violations), operation, modelType, null);
        this.violations = List.copyOf(violations);
    }

    private static String message(
            Operation operation, Class<?> modelType, String key, List<Violation> violations) {
        return String.format(
                Locale.ROOT,
                "%s of %s (%s) breaks %d constraint%s, nothing was sent: %s",
                operation.name().toLowerCase(Locale.ROOT),
                modelType.getName(),
                key,
                violations.size(),
                violations.size() == 1 ? "" : "s",
                violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }

    /**
     * The violations, in path order.
     *
     * @return the violations, never empty
     */
    public List<Violation> violations() {
        return violations;
    }
}
