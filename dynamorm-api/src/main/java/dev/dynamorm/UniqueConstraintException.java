package dev.dynamorm;

import org.jspecify.annotations.Nullable;

/**
 * A write would give a {@link dev.dynamorm.annotations.Unique @Unique} field a value another item
 * already holds; nothing was written.
 */
public class UniqueConstraintException extends ConditionFailedException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient @Nullable Object value;

    /**
     * Creates the exception.
     *
     * @param message names the model, the field and the value
     * @param operation the operation
     * @param modelType the model
     * @param field the Java name of the unique field
     * @param value the value that is taken, in the field's Java type
     * @param cause the AWS error
     */
    public UniqueConstraintException(
            String message,
            Operation operation,
            @Nullable Class<?> modelType,
            String field,
            @Nullable Object value,
            Throwable cause) {
        super(message, operation, modelType, null, null, cause);
        this.field = field;
        this.value = value;
    }

    /**
     * The unique field whose value is taken.
     *
     * @return its Java name
     */
    public String field() {
        return field;
    }

    /**
     * The value another item holds.
     *
     * @return the value in the field's Java type
     */
    public @Nullable Object value() {
        return value;
    }
}
