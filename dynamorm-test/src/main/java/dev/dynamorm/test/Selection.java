package dev.dynamorm.test;

import dev.dynamorm.test.fixtures.Fixture;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a test class (or one test) runs on: the backend, the models whose tables are created, the
 * fixtures loaded once they exist, and whether requests are recorded. Merged from the {@link
 * DynamoBackend} and {@link Fixture} annotations of the class and its superclasses: the nearest
 * explicit backend wins, else the configured one; models and fixtures of all levels are used,
 * superclass first.
 */
final class Selection {

    /**
     * A fixture file and the class it is resolved against.
     *
     * @param name the resource name as written in {@link Fixture}
     * @param anchor the class that declared it
     */
    record FixtureRef(String name, Class<?> anchor) {}

    private final Backend backend;
    private final List<Class<?>> models;
    private final List<FixtureRef> fixtures;
    private final boolean recordRequests;

    private Selection(
            Backend backend,
            List<Class<?>> models,
            List<FixtureRef> fixtures,
            boolean recordRequests) {
        this.backend = backend;
        this.models = List.copyOf(models);
        this.fixtures = List.copyOf(fixtures);
        this.recordRequests = recordRequests;
    }

    Backend backend() {
        return backend;
    }

    List<Class<?>> models() {
        return models;
    }

    /** The fixtures loaded right after the tables are created. */
    List<FixtureRef> fixtures() {
        return fixtures;
    }

    boolean recordRequests() {
        return recordRequests;
    }

    static Selection of(Class<?> testClass, Settings settings) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        Backend explicit = null;
        Class<?> explicitOn = null;
        Set<Class<?>> models = new LinkedHashSet<>();
        List<FixtureRef> fixtures = new ArrayList<>();
        boolean record = false;
        for (Class<?> c : hierarchy) {
            fixtures.addAll(declaredFixtures(c));
            DynamoBackend annotation = c.getDeclaredAnnotation(DynamoBackend.class);
            if (annotation == null) {
                continue;
            }
            Optional<Backend> named =
                    single(annotation.value(), "@DynamoBackend on " + c.getName());
            if (named.isPresent()) {
                explicit = named.get();
                explicitOn = c;
            }
            models.addAll(List.of(annotation.models()));
            record |= annotation.recordRequests();
        }
        for (Class<?> outer = testClass.getEnclosingClass();
                outer != null && !record;
                outer = outer.getEnclosingClass()) {
            DynamoBackend annotation = outer.getAnnotation(DynamoBackend.class);
            record = annotation != null && annotation.recordRequests();
        }
        Backend backend = explicitOn != null ? explicit : configured(settings);
        return new Selection(backend, new ArrayList<>(models), fixtures, record);
    }

    /**
     * The selection of a test method annotated with {@link DynamoBackend}: its backend (else this
     * class's), this class's models then its own, this class's fixtures.
     */
    Selection forMethod(Method method) {
        DynamoBackend annotation = method.getAnnotation(DynamoBackend.class);
        if (annotation == null) {
            return this;
        }
        Backend named =
                single(
                                annotation.value(),
                                "@DynamoBackend on "
                                        + method.getDeclaringClass().getName()
                                        + "."
                                        + method.getName())
                        .orElse(backend);
        Set<Class<?>> all = new LinkedHashSet<>(models);
        all.addAll(List.of(annotation.models()));
        return new Selection(
                named,
                new ArrayList<>(all),
                fixtures,
                recordRequests || annotation.recordRequests());
    }

    /** The selection of one run of a {@link BackendTest}. */
    Selection forRun(Backend run, Class<?>[] extraModels, boolean record) {
        Set<Class<?>> all = new LinkedHashSet<>(models);
        all.addAll(List.of(extraModels));
        return new Selection(run, new ArrayList<>(all), fixtures, recordRequests || record);
    }

    /**
     * The {@link Fixture} files declared directly on an element, resolved against {@code anchor}.
     */
    static List<FixtureRef> fixturesOf(Fixture fixture, Class<?> anchor) {
        List<FixtureRef> out = new ArrayList<>();
        if (fixture != null) {
            for (String name : fixture.value()) {
                out.add(new FixtureRef(name, anchor));
            }
        }
        return out;
    }

    /** The fixtures a class declares itself (not inherited). */
    static List<FixtureRef> declaredFixtures(Class<?> c) {
        return fixturesOf(c.getDeclaredAnnotation(Fixture.class), c);
    }

    private static Optional<Backend> single(Backend[] backends, String where) {
        if (backends.length > 1) {
            throw new ExtensionConfigurationException(
                    where
                            + " names "
                            + backends.length
                            + " backends: name one; to run tests on several, write one subclass per backend or use"
                            + " @BackendTest({...}) on the test methods");
        }
        return backends.length == 1 ? Optional.of(backends[0]) : Optional.empty();
    }

    /**
     * The backend of {@code dynamorm.test.backend} (or {@code DYNAMORM_TEST_BACKEND}), default
     * EMBEDDED.
     */
    static Backend configured(Settings settings) {
        Optional<String> name = settings.nonBlank(Settings.BACKEND);
        if (name.isEmpty()) {
            return Backend.EMBEDDED;
        }
        try {
            return Backend.fromName(name.get());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(
                    "-D"
                            + Settings.BACKEND
                            + " (or "
                            + Settings.envName(Settings.BACKEND)
                            + ") names "
                            + e.getMessage());
        }
    }
}
