package dev.dynamorm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loads items from JSON or YAML files into the backend before the tests: on a test class, once
 * before all its tests (after its model tables are created); on a test method, before that test
 * (before {@code @BeforeEach} methods).
 *
 * <pre>{@code
 * @DynamoBackend(models = Order.class)
 * @Fixture("orders.yaml")                       // next to the test class: com/acme/orders.yaml
 * class OrderServiceTest {
 *     @Test
 *     @Fixture("/fixtures/late-orders.json")    // from the class path root
 *     void findsLateOrders(DynamORM db) { ... }
 * }
 * }</pre>
 *
 * <p>A name is a class path resource: relative to the test class's package, or absolute with a
 * leading {@code /}. Files end in {@code .json}, {@code .yaml} or {@code .yml} (YAML needs {@code
 * org.yaml:snakeyaml} on the test path). See {@link Fixtures} for the format: items typed through
 * the models, or raw DynamoDB JSON for tables without a model. A fixture that cannot be loaded
 * fails the class or test with a {@link FixtureException} naming the file and line.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynamoBackendExtension.class)
public @interface Fixture {

    /**
     * The fixture files, loaded in order.
     *
     * @return class path resource names
     */
    String[] value();
}
