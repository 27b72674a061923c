package dev.dynamorm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a DynamoDB-compatible backend.
 *
 * <p>The backend's server is started once per JVM and shared; each test class gets its own
 * table-name prefix, its {@link #models()} tables are created before all its tests and every table
 * with its prefix is deleted after them. Test methods, lifecycle methods and constructors may declare
 * parameters of type {@code DynamoDbClient}, {@code DynamORM}, {@link Backend} and {@link BackendContext}.
 *
 * <p>A suite can be written once as an abstract class and run on several backends by tiny subclasses;
 * the nearest explicit backend wins and the models of every class in the hierarchy are created:
 * <pre>{@code
 * @DynamoBackend(models = Order.class)
 * abstract class CrudSuite {
 *     @Test void roundTrip(DynamORM db) { ... }
 * }
 * @DynamoBackend(Backend.DYNOXIDE) class CrudOnDynoxideIT extends CrudSuite {}
 * @DynamoBackend(Backend.DYNALITE) class CrudOnDynaliteIT extends CrudSuite {}
 * }</pre>
 *
 * <p>When no class of the hierarchy names a backend, it comes from {@code -Ddynamorm.test.backend=NAME}
 * (or the JUnit configuration parameter of that name, or the environment variable
 * {@code DYNAMORM_TEST_BACKEND}); the default is {@link Backend#EMBEDDED}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynamoBackendExtension.class)
public @interface DynamoBackend {

    /**
     * The backend, at most one; empty means "as configured" (see the type's documentation).
     *
     * @return the backend, or nothing
     */
    Backend[] value() default {};

    /**
     * Model classes whose tables are created, through {@code DynamORM.table(model).createTable()},
     * before all tests of the class. Needs a DynamORM engine on the test path.
     *
     * @return the models
     */
    Class<?>[] models() default {};
}
