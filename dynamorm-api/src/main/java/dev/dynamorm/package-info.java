/**
 * The DynamORM API: the {@link dev.dynamorm.DynamORM} entry point, {@link dev.dynamorm.Table} and
 * {@link dev.dynamorm.Query}, conditions, write options and the exception hierarchy rooted at
 * {@link dev.dynamorm.DynamORMException}; and the extension points the builder and queries take:
 * {@link dev.dynamorm.Plugin} with its {@link dev.dynamorm.Hook}s and contexts, {@link
 * dev.dynamorm.Converter}s, {@link dev.dynamorm.RetryPolicy}, {@link dev.dynamorm.IndexScorer},
 * {@link dev.dynamorm.QueryModifier} and the {@link dev.dynamorm.EngineProvider} found with {@link
 * java.util.ServiceLoader}.
 *
 * <p>This package depends on no other DynamORM package; {@code annotations}, {@code spi}, {@code
 * spi.schema} and {@code internal} depend on it.
 */
@NullMarked
package dev.dynamorm;

import org.jspecify.annotations.NullMarked;
