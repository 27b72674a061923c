/**
 * The DynamORM test kit: run JUnit 5 tests against DynamoDB-compatible backends, load fixtures,
 * assert on query plans and on the requests sent, and unit-test without a server with {@link
 * dev.dynamorm.test.mock.MockDB}.
 *
 * <p>The kit is split by concept: this package holds the JUnit 5 extension ({@link
 * dev.dynamorm.test.DynamoBackend}, {@link dev.dynamorm.test.BackendTest}) and the backends; {@code
 * dev.dynamorm.test.fixtures} the fixtures; {@code dev.dynamorm.test.assertions} the assertions and
 * the request recorder; {@code dev.dynamorm.test.mock} MockDB.
 *
 * <pre>{@code
 * @DynamoBackend(models = Order.class, recordRequests = true)
 * @Fixture("orders.yaml")
 * class OrderServiceTest {
 *     @Test
 *     void paidOrders(DynamORM db, RequestRecorder requests) {
 *         new OrderService(db).paidSince(since);
 *         assertThatRequests(requests).single().usesIndex("by-status");
 *     }
 * }
 * }</pre>
 *
 * <p>See {@link dev.dynamorm.test.DynamoBackend} for backends per class and suites shared by
 * several backends, {@link dev.dynamorm.test.BackendTest} for one test on several backends, {@link
 * dev.dynamorm.test.fixtures.Fixtures} for the fixture format, {@link
 * dev.dynamorm.test.assertions.DynamoAssertions} for the assertions and {@link
 * dev.dynamorm.test.mock.MockDB} for unit tests.
 */
package dev.dynamorm.test;
