/**
 * The DynamORM test kit: run JUnit 5 tests against DynamoDB-compatible backends, load fixtures,
 * assert on query plans and on the requests sent, and unit-test without a server with {@link
 * dev.dynamorm.test.MockDB}.
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
 * dev.dynamorm.test.Fixtures} for the fixture format, {@link dev.dynamorm.test.DynamoAssertions}
 * for the assertions and {@link dev.dynamorm.test.MockDB} for unit tests.
 */
package dev.dynamorm.test;
