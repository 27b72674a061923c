/**
 * Service provider interfaces: what engines, converters, plugins, retry policies and index scorers
 * implement. Implementations are found with {@link java.util.ServiceLoader} on the module path and
 * on the class path.
 *
 * <p><b>Package dependencies.</b> {@code dev.dynamorm} and {@code dev.dynamorm.spi} depend on each
 * other, on purpose: the user API takes SPI types ({@code DynamORM.Builder.plugin(Plugin)}, {@code
 * Query.modify(QueryModifier)}, {@code Table.modelInfo()}), and the SPI speaks the user API's
 * values ({@code Operation}, {@code Condition}, {@code Query}, {@code DynamORMException}).
 * Splitting them apart would move public types between packages and break every user's imports. The
 * cycle stays within these two packages: {@code dev.dynamorm.annotations} depends on {@code spi}
 * (for {@code @Convert}'s converter class) and nothing here depends on {@code annotations} (checked
 * by {@code PackageDependenciesTest}); {@code dev.dynamorm.spi.schema} depends on both, and neither
 * on it.
 */
@NullMarked
package dev.dynamorm.spi;

import org.jspecify.annotations.NullMarked;
