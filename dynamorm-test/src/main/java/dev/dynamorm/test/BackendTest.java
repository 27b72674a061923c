package dev.dynamorm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once per backend, each run named after its backend ({@code [dynoxide]}) and in
 * a world of its own: its own table-name prefix, the tables of the class's and these models, the
 * class's and the method's {@link dev.dynamorm.test.fixtures.Fixture fixtures}, all deleted after
 * the run. A backend that cannot start skips its run with the reason (or fails it, when named in
 * {@code -Ddynamorm.it.require}).
 *
 * <pre>{@code
 * @BackendTest({Backend.EMBEDDED, Backend.DYNOXIDE})
 * void savesAnOrder(DynamORM db) { ... }
 * }</pre>
 *
 * <p>The test method takes the same parameters as other tests of the kit ({@code DynamORM}, {@code
 * DynamoDbClient}, {@link Backend}, {@link BackendContext}, {@link
 * dev.dynamorm.test.fixtures.Fixtures}, {@link dev.dynamorm.test.assertions.RequestRecorder}); it
 * needs no {@code @Test}. The class needs no {@link DynamoBackend}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(DynamoBackendExtension.class)
public @interface BackendTest {

    /**
     * The backends to run the test on, in order; at least one.
     *
     * @return the backends
     */
    Backend[] value();

    /**
     * Models whose tables are created for each run, after the class's models.
     *
     * @return the models
     */
    Class<?>[] models() default {};

    /**
     * Whether each run records its requests, see {@link DynamoBackend#recordRequests()}.
     *
     * @return true to record the requests
     */
    boolean recordRequests() default false;
}
