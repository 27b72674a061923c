/**
 * {@link dev.dynamorm.test.mock.MockDB}: a {@code DynamORM} for unit tests without any server,
 * answering programmed results and verifying the calls made, with the real builders' validation.
 *
 * <p>{@code MockDB.expect(...)} hands out the programming steps: a {@link
 * dev.dynamorm.test.mock.TableStub} (single-item and batch operations of a table), a {@link
 * dev.dynamorm.test.mock.QueryStub} (reads through a query, key-bound updates and deletes) or a
 * {@link dev.dynamorm.test.mock.Stub} (one call, e.g. a transaction), each ending in an {@link
 * dev.dynamorm.test.mock.Expectation} that says how often the call may come.
 *
 * <p>Keep MockDB for fast tests of the logic around the database; test the queries themselves
 * against a real backend with {@link dev.dynamorm.test.DynamoBackend}.
 */
package dev.dynamorm.test.mock;
