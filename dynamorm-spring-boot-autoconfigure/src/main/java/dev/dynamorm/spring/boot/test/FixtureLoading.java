package dev.dynamorm.spring.boot.test;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.test.fixtures.Fixtures;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * The part of fixture loading that uses the test kit: a class of its own so that the listener loads
 * no test-kit class unless a test asks for fixtures.
 */
final class FixtureLoading {

    private FixtureLoading() {}

    static void load(ApplicationContext context, Class<?> testClass, List<String> names) {
        DynamORM db = context.getBean(DynamORM.class);
        Class<?>[] models =
                context.getBeanProvider(ResolvableType.forClass(Table.class))
                        .orderedStream()
                        .map(table -> ((Table<?>) table).modelType())
                        .distinct()
                        .toArray(Class<?>[]::new);
        Fixtures fixtures = Fixtures.of(db).withModels(models).relativeTo(testClass);
        for (String name : names) {
            fixtures.load(name);
        }
    }
}
