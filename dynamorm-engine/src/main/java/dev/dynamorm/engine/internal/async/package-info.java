/**
 * The async view ({@code Table.async()}): single-item operations answered by futures and queries by
 * publishers, over a {@code DynamoDbAsyncClient}, with the sync path's preparation, hooks, retries
 * and errors. Internal and unsupported: it may change at any time.
 */
package dev.dynamorm.engine.internal.async;
