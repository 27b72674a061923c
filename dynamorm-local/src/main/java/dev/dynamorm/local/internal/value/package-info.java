/**
 * Stored attribute values and their DynamoDB semantics: numbers, binary, key order, key schemas and
 * item size. The lowest layer; depends on nothing else in dynamorm-local.
 */
package dev.dynamorm.local.internal.value;
