/**
 * Helpers for plugin and extension authors that the user API itself never needs: {@link
 * dev.dynamorm.spi.Suggestions}, the did-you-mean rule for names in error messages.
 *
 * <p>The interfaces an extension implements ({@link dev.dynamorm.Plugin}, {@link
 * dev.dynamorm.Hook}, {@link dev.dynamorm.Converter}, {@link dev.dynamorm.ConverterProvider},
 * {@link dev.dynamorm.RetryPolicy}, {@link dev.dynamorm.IndexScorer}, {@link
 * dev.dynamorm.EngineProvider}) live in {@code dev.dynamorm}: the builder, {@code Table} and {@code
 * Query} take them, and they speak the user API's values ({@code Operation}, {@code Condition},
 * {@code Query}), so they belong to the package users compile against.
 *
 * <p><b>Package dependencies.</b> They point one way, checked by {@code PackageDependenciesTest}:
 * {@code dev.dynamorm.spi}, {@code dev.dynamorm.spi.schema}, {@code dev.dynamorm.annotations} and
 * {@code dev.dynamorm.internal} may depend on {@code dev.dynamorm}, which depends on none of them.
 */
@NullMarked
package dev.dynamorm.spi;

import org.jspecify.annotations.NullMarked;
