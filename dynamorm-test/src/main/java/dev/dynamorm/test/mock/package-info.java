/**
 * {@link dev.dynamorm.test.mock.MockDB}: a {@code DynamORM} for unit tests without any server,
 * answering programmed results and verifying the calls made, with the real builders' validation.
 *
 * <p>Keep MockDB for fast tests of the logic around the database; test the queries themselves
 * against a real backend with {@link dev.dynamorm.test.DynamoBackend}.
 */
package dev.dynamorm.test.mock;
