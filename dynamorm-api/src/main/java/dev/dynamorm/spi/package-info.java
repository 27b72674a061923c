/**
 * Service provider interfaces: what engines, converters, plugins, retry policies and index scorers
 * implement. Implementations are found with {@link java.util.ServiceLoader} on the module path and
 * on the class path.
 */
package dev.dynamorm.spi;
