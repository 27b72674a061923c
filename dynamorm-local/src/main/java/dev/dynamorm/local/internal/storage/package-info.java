/**
 * Durability of a data directory: the write-ahead log, snapshots, their damage checks and recovery,
 * and the directory lock.
 */
package dev.dynamorm.local.internal.storage;
