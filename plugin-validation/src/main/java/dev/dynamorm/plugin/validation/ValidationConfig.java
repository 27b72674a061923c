package dev.dynamorm.plugin.validation;

import dev.dynamorm.PluginConfig;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the validation plugin validates: the {@link ValidatorFactory} (by default the one the
 * standard bootstrap {@code Validation.buildDefaultValidatorFactory()} finds: Hibernate Validator)
 * and the validation groups (by default {@code Default}). Immutable.
 *
 * <pre>{@code
 * DynamORM db = DynamORM.builder().client(client)
 *         .pluginConfig(ValidationConfig.builder().groups(OnWrite.class).build())
 *         .build();
 * }</pre>
 *
 * <p>A factory given here is the caller's to close; the default one is closed with the {@link
 * dev.dynamorm.DynamORM} instance.
 */
public final class ValidationConfig implements PluginConfig {

    private final ValidatorFactory factory;
    private final List<Class<?>> groups;

    private ValidationConfig(Builder b) {
        this.factory = b.factory;
        this.groups = List.copyOf(b.groups);
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration with every default.
     *
     * @return the defaults
     */
    public static ValidationConfig defaults() {
        return builder().build();
    }

    @Override
    public String pluginName() {
        return "validation";
    }

    /**
     * The factory to take validators from.
     *
     * @return the factory, or empty for the standard bootstrap's
     */
    public Optional<ValidatorFactory> validatorFactory() {
        return Optional.ofNullable(factory);
    }

    /**
     * The groups to validate.
     *
     * @return the groups; empty means {@code jakarta.validation.groups.Default}
     */
    public List<Class<?>> groups() {
        return groups;
    }

    /** Builds a {@link ValidationConfig}; not thread-safe. */
    public static final class Builder {

        private ValidatorFactory factory;
        private final List<Class<?>> groups = new ArrayList<>();

        private Builder() {}

        /**
         * Validates with validators of this factory instead of the standard bootstrap's.
         *
         * @param factory the factory (its owner closes it)
         * @return this builder
         * @throws NullPointerException if {@code factory} is null
         */
        public Builder validatorFactory(ValidatorFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Validates these groups instead of {@code Default}.
         *
         * @param groups the group interfaces
         * @return this builder
         * @throws NullPointerException if a group is null
         */
        public Builder groups(Class<?>... groups) {
            for (Class<?> g : groups) {
                this.groups.add(Objects.requireNonNull(g, "group"));
            }
            return this;
        }

        /**
         * Builds the configuration; the builder stays usable.
         *
         * @return the configuration
         */
        public ValidationConfig build() {
            return new ValidationConfig(this);
        }
    }
}
