/**
 * DynamoDB Streams for dynamorm-local: per-table streams fed from the engine's commit path, shards
 * that roll over, records kept for the retention period, and the Streams API ({@code
 * DynamoDBStreams_20120810.*}) answered at the same endpoint as DynamoDB.
 */
package dev.dynamorm.local.internal.streams;
