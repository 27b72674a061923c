/**
 * The DynamoDB operations over in-memory tables: table metadata and lifecycle, item reads and
 * writes, batches, transactions, PartiQL and capacity accounting. Depends on {@code expr}, {@code
 * wire}, {@code value} and {@code error}; nothing below it depends on it.
 */
package dev.dynamorm.local.internal.engine;
