package dev.dynamorm.spring.boot.test;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Loads the {@link DynamORMFixture} files of a test before each test method. Registered in {@code
 * META-INF/spring.factories}, so Spring runs it for every test: it does nothing (and touches no
 * test-kit class, which may be absent) unless the test class or method carries the annotation.
 */
public final class DynamORMFixtureTestExecutionListener extends AbstractTestExecutionListener {

    /** Creates the listener; Spring's test framework calls it. */
    public DynamORMFixtureTestExecutionListener() {}

    /**
     * Runs after dependency injection and after {@code @Sql}'s listener (order 5000).
     *
     * @return 5100
     */
    @Override
    public int getOrder() {
        return 5100;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        List<String> names = new ArrayList<>();
        DynamORMFixture onClass =
                AnnotatedElementUtils.findMergedAnnotation(
                        testContext.getTestClass(), DynamORMFixture.class);
        if (onClass != null) {
            names.addAll(List.of(onClass.value()));
        }
        DynamORMFixture onMethod =
                AnnotatedElementUtils.findMergedAnnotation(
                        testContext.getTestMethod(), DynamORMFixture.class);
        if (onMethod != null) {
            names.addAll(List.of(onMethod.value()));
        }
        if (!names.isEmpty()) {
            FixtureLoading.load(
                    testContext.getApplicationContext(), testContext.getTestClass(), names);
        }
    }
}
