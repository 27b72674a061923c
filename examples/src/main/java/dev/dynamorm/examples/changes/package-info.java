/**
 * The change data capture tour: a stream consumer reading an orders table's changes as typed events
 * and keeping a materialized view of them.
 */
package dev.dynamorm.examples.changes;
