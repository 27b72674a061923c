/**
 * The error answered to a client ({@link dev.dynamorm.local.internal.error.DynamoException}): a
 * DynamoDB error type, message, HTTP status and extra fields. Every other internal layer may throw
 * it; it depends on nothing in dynamorm-local.
 */
package dev.dynamorm.local.internal.error;
