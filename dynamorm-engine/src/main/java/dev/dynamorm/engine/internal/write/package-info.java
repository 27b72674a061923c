/**
 * The write path: the table context shared by reads and writes, single-item writes, batches, the
 * batch writer and transactions. Internal and unsupported: it may change at any time.
 */
package dev.dynamorm.engine.internal.write;
