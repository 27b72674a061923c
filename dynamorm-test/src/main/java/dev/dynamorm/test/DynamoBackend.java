package dev.dynamorm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class, or a single test method, against a DynamoDB-compatible backend.
 *
 * <p>The backend's server is started once per JVM and shared; each test class gets its own
 * table-name prefix, its {@link #models()} tables are created before all its tests and every table
 * with its prefix is deleted after them (their {@link dev.dynamorm.test.fixtures.Fixture fixtures}
 * are loaded in between). Test methods, lifecycle methods and constructors may declare parameters
 * of type {@code DynamoDbClient}, {@code DynamORM}, {@link Backend}, {@link BackendContext}, {@link
 * dev.dynamorm.test.fixtures.Fixtures} and (with {@link #recordRequests()}) {@link
 * dev.dynamorm.test.assertions.RequestRecorder}.
 *
 * <p>A suite can be written once as an abstract class and run on several backends by tiny
 * subclasses; the nearest explicit backend wins and the models of every class in the hierarchy are
 * created:
 *
 * <pre>{@code
 * @DynamoBackend(models = Order.class)
 * abstract class CrudSuite {
 *     @Test void roundTrip(DynamORM db) { ... }
 * }
 * @DynamoBackend(Backend.DYNOXIDE) class CrudOnDynoxideIT extends CrudSuite {}
 * @DynamoBackend(Backend.DYNALITE) class CrudOnDynaliteIT extends CrudSuite {}
 * }</pre>
 *
 * <p>When no class of the hierarchy names a backend, it comes from {@code
 * -Ddynamorm.test.backend=NAME} (or the JUnit configuration parameter of that name, or the
 * environment variable {@code DYNAMORM_TEST_BACKEND}); the default is {@link Backend#EMBEDDED}.
 *
 * <p>On a test method, the annotation gives that test a world of its own: its own prefix on its
 * backend (the method's, else the class's), the tables of the class's and the method's models, the
 * class's and the method's {@link dev.dynamorm.test.fixtures.Fixture fixtures}, all deleted after
 * the test. A method whose backend cannot start is skipped (or fails, when the backend is
 * required). To run one test on several backends, use {@link BackendTest}.
 *
 * <p>With {@link #recordRequests()}, the class (or test) gets its own client with a {@link
 * dev.dynamorm.test.assertions.RequestRecorder} installed; inject the recorder to assert what was
 * sent.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
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

    /**
     * Whether the class (or test) gets a client of its own that records every request in a {@link
     * dev.dynamorm.test.assertions.RequestRecorder}, injectable as a parameter and cleared before
     * each test. The injected {@code DynamoDbClient} and {@code DynamORM} use that client. On
     * {@link Backend#EMBEDDED} it talks to the engine through its HTTP listener on 127.0.0.1
     * instead of in-process. A superclass or the enclosing class asking for it is enough.
     *
     * @return true to record the requests
     */
    boolean recordRequests() default false;
}
