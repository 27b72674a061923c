/**
 * Configuration of the DynamORM metrics plugin ({@link dev.dynamorm.plugin.metrics.MetricsConfig}).
 *
 * <p>Meters (Micrometer names; registries translate them to their own conventions):
 *
 * <ul>
 *   <li>{@code dynamorm.operations} (timer): every request, tags {@code operation} (create, put,
 *       get, update, delete, query, scan, batch_get, batch_write, transact_write, transact_get, and
 *       table management), {@code table}, {@code model} (simple class name, {@code none} for
 *       multi-table requests), {@code outcome} ({@code success}, {@code cache_hit}, {@code
 *       condition_failed}, {@code throttled}, {@code vetoed}, {@code error}) and {@code exception}
 *       (simple class name or {@code none});
 *   <li>{@code dynamorm.retries} (counter): attempts after the first, tags operation and table;
 *   <li>{@code dynamorm.throttles} (counter): throttled attempts, tags operation and table;
 *   <li>{@code dynamorm.condition.failures} (counter): failed condition checks, tags operation,
 *       table, model;
 *   <li>{@code dynamorm.unprocessed.items} (counter): items or keys a batch request left
 *       unprocessed, tags operation and table;
 *   <li>{@code dynamorm.consumed.capacity} (counter, capacity units): tags table and {@code type}
 *       ({@code read} or {@code write});
 *   <li>every statistic other plugins publish, e.g. {@code dynamorm.cache.hits}, {@code .misses},
 *       {@code .evictions} (function counters) and {@code dynamorm.cache.size} (gauge), tag model.
 * </ul>
 */
package dev.dynamorm.plugin.metrics;
