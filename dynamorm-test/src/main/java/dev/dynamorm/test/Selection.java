package dev.dynamorm.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The backend and models of a test class, merged from the {@link DynamoBackend} annotations of the
 * class and its superclasses: the nearest explicit backend wins, else the configured one; models
 * of all levels are created, superclass models first.
 */
final class Selection {

    private final Backend backend;
    private final List<Class<?>> models;

    private Selection(Backend backend, List<Class<?>> models) {
        this.backend = backend;
        this.models = List.copyOf(models);
    }

    Backend backend() {
        return backend;
    }

    List<Class<?>> models() {
        return models;
    }

    static Selection of(Class<?> testClass, Settings settings) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        Backend explicit = null;
        Class<?> explicitOn = null;
        Set<Class<?>> models = new LinkedHashSet<>();
        for (Class<?> c : hierarchy) {
            DynamoBackend annotation = c.getDeclaredAnnotation(DynamoBackend.class);
            if (annotation == null) {
                continue;
            }
            if (annotation.value().length > 1) {
                throw new ExtensionConfigurationException("@DynamoBackend on " + c.getName()
                        + " names " + annotation.value().length + " backends: name one, and write one subclass"
                        + " per backend to run a suite on several");
            }
            if (annotation.value().length == 1) {
                explicit = annotation.value()[0];
                explicitOn = c;
            }
            models.addAll(List.of(annotation.models()));
        }
        Backend backend = explicitOn != null ? explicit : configured(settings);
        return new Selection(backend, new ArrayList<>(models));
    }

    /**
     * The backend of {@code dynamorm.test.backend} (or {@code DYNAMORM_TEST_BACKEND}), default EMBEDDED.
     */
    static Backend configured(Settings settings) {
        Optional<String> name = settings.nonBlank(Settings.BACKEND);
        if (name.isEmpty()) {
            return Backend.EMBEDDED;
        }
        try {
            return Backend.fromName(name.get());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("-D" + Settings.BACKEND + " (or "
                    + Settings.envName(Settings.BACKEND) + ") names " + e.getMessage());
        }
    }
}
