package dev.dynamorm.plugin.validation;

import java.util.Objects;

/**
 * One constraint a written value breaks. The invalid value itself is left out: it may be a secret
 * (an {@code @Encrypted} field) and would end up in logs.
 *
 * @param path the property path from the model, e.g. {@code email}, {@code address.city}, {@code
 *     lines[2].quantity}
 * @param message the interpolated constraint message, e.g. {@code must not be blank}
 * @param constraint the simple name of the constraint annotation, e.g. {@code NotBlank}
 */
public record Violation(String path, String message, String constraint) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(constraint, "constraint");
    }

    @Override
    public String toString() {
        return path + ": " + message + " (@" + constraint + ")";
    }
}
