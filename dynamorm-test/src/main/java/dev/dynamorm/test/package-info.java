/**
 * The DynamORM test kit: run JUnit 5 test classes against DynamoDB-compatible backends.
 *
 * <pre>{@code
 * @DynamoBackend(value = Backend.DYNOXIDE, models = Order.class)
 * class OrderIT {
 *     @Test
 *     void roundTrip(DynamORM db, DynamoDbClient raw, BackendContext backend) { ... }
 * }
 * }</pre>
 *
 * <p>See {@link dev.dynamorm.test.DynamoBackend} for suites shared by several backends and
 * {@link dev.dynamorm.test.Backend} for the backends and their settings.
 */
package dev.dynamorm.test;
