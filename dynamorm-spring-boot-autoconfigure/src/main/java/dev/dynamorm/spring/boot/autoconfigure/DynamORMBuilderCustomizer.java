package dev.dynamorm.spring.boot.autoconfigure;

import dev.dynamorm.DynamORM;

/**
 * A bean that adjusts the {@link DynamORM.Builder} of the auto-configured {@code DynamORM} after
 * the {@code dynamorm.*} properties are applied (plugins, converters, a clock, ...).
 */
@FunctionalInterface
public interface DynamORMBuilderCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(DynamORM.Builder builder);
}
