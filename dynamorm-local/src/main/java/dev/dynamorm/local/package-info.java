/**
 * The public entry points of dynamorm-local: {@link dev.dynamorm.local.LocalDynamoDb} (in-process
 * or HTTP), fault injection for tests, and the command-line {@code Main}.
 */
package dev.dynamorm.local;
