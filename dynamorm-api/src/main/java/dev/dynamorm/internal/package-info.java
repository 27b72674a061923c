/**
 * Helpers shared by DynamORM's own modules (the engine and the test kit), so that each rule has one
 * implementation: did-you-mean suggestions, the text of DynamoDB numbers and the operations {@code
 * observe} runs.
 *
 * <p>Not API and unsupported: the package is exported only to {@code dev.dynamorm.engine} and
 * {@code dev.dynamorm.test}, and may change in any release.
 */
package dev.dynamorm.internal;
