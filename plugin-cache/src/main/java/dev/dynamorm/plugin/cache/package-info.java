/**
 * Configuration of the DynamORM cache plugin ({@link dev.dynamorm.plugin.cache.CacheConfig}).
 *
 * <p>The plugin caches items read by full key ({@code get}, and {@code first} of a query binding
 * the full key) for the models configured for it, and only those. A write through the same {@code
 * DynamORM} instance (put, create, update, delete, batch write, transaction) invalidates the keys
 * it touches before and after it is sent; writes from elsewhere are seen once the entry expires
 * (its time-to-live). Consistent reads bypass the cache.
 */
package dev.dynamorm.plugin.cache;
