package dev.dynamorm.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads items from JSON or YAML fixture files (the format of the test kit's {@code
 * dev.dynamorm.test.fixtures.Fixtures}) into the tables of a Spring test's {@code DynamORM} bean,
 * before each test method: first the test class's fixtures, then the method's. Works in a {@link
 * DynamORMTest} slice and in any {@code @SpringBootTest}; needs {@code dev.dynamorm:dynamorm-test}
 * on the test class path.
 *
 * <pre>{@code
 * @DynamORMTest
 * @DynamORMFixture("orders.yaml")                // next to the test class
 * class OrderQueriesTest {
 *     @Autowired Table<Order> orders;
 *
 *     @Test
 *     @DynamORMFixture("/fixtures/late.json")    // from the class path root, after orders.yaml
 *     void findsLateOrders() { ... }
 * }
 * }</pre>
 *
 * <p>Items are written with puts (loading twice leaves the same items), typed through the models of
 * the context's {@code Table} beans, which fixtures name by simple name; raw DynamoDB JSON is
 * accepted for tables without a model. Items stay in the tables after the test, like rows inserted
 * by {@code @Sql} outside a transaction: give each test its own keys, or mark the test
 * {@code @DirtiesContext} to get a fresh embedded engine. A fixture that cannot be loaded fails the
 * test with the test kit's {@code FixtureException}, naming the file and line.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface DynamORMFixture {

    /**
     * The fixture files, loaded in order: class path resources relative to the test class's
     * package, or absolute with a leading {@code /}.
     *
     * @return resource names
     */
    String[] value();
}
