/**
 * Service provider interfaces: what engines, converters, plugins, retry policies and index scorers
 * implement. Implementations are found with {@link java.util.ServiceLoader} on the module path and
 * on the class path.
 */
@NullMarked
package dev.dynamorm.spi;

import org.jspecify.annotations.NullMarked;
