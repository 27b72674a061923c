/**
 * The DynamoDB JSON 1.0 wire format: request parsing, JSON writing and the attribute-value codec.
 */
package dev.dynamorm.local.internal.wire;
