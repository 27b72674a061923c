/**
 * Helpers shared by DynamORM's own modules (the engine and the test kit), so that each rule has one
 * implementation: did-you-mean suggestions and the text of DynamoDB numbers.
 *
 * <p>Not API and unsupported: the package is exported only to {@code dev.dynamorm.engine} and
 * {@code dev.dynamorm.test}, and may change in any release.
 */
package dev.dynamorm.internal;
