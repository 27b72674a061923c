/**
 * The client layer: the DynamoDB client factory, the executor with its retry policy, the mapping of
 * SDK errors to DynamORM exceptions and the engine context shared by every table. Internal and
 * unsupported: it may change at any time.
 */
package dev.dynamorm.engine.internal.client;
