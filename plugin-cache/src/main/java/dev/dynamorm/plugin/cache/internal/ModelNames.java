package dev.dynamorm.plugin.cache.internal;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.spi.Suggestions;
import dev.dynamorm.spi.schema.ModelSchema;
import dev.dynamorm.spi.schema.ModelSchemaProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Checks of the configured model names. Models register lazily, so a name is checked as soon as
 * what it could match is known: a name that loads as a class must be a table model (at {@code
 * build()}); a name that matched nothing and is close to the names of a model used for the first
 * time is a typo (at that first use, before anything is sent), unless it is exactly the name of a
 * model the annotation processor generated (which may simply not be used yet).
 */
final class ModelNames {

    private ModelNames() {}

    /**
     * Fails when {@code name} loads as a class that is no table model.
     *
     * @throws IllegalArgumentException naming the class
     */
    static void requireModelIfClass(String name) {
        Class<?> type = load(name);
        if (type != null && !isModel(type)) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "cache model '%s' names a class that is no table model (neither it nor a type it implements "
                                    + "has @DynamoTable); configure a model's class name, simple name, or logical or "
                                    + "physical table name",
                            name));
        }
    }

    /** The class a dotted name loads as, or null. */
    static Class<?> load(String name) {
        if (name.indexOf('.') < 0) {
            return null;
        }
        for (ClassLoader loader :
                new ClassLoader[] {
                    Thread.currentThread().getContextClassLoader(),
                    ModelNames.class.getClassLoader()
                }) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class this loader sees: a table name, or another loader's class
            }
        }
        return null;
    }

    private static boolean isModel(Class<?> type) {
        if (type == null) {
            return false;
        }
        if (type.isAnnotationPresent(DynamoTable.class) || isModel(type.getSuperclass())) {
            return true;
        }
        for (Class<?> i : type.getInterfaces()) {
            if (isModel(i)) {
                return true;
            }
        }
        return false;
    }

    /** The names of a model a configured name can match: class, simple, physical and logical. */
    static List<String> of(Class<?> type, String table) {
        List<String> names = new ArrayList<>(List.of(type.getName(), type.getSimpleName(), table));
        DynamoTable logical = type.getAnnotation(DynamoTable.class);
        if (logical != null) {
            names.add(logical.value());
        }
        return names;
    }

    /**
     * The failure for a configured name that matched no model yet but is close to a name of the
     * model used for the first time, or empty.
     *
     * @param unmatched the configured names that matched no model so far
     * @param generated the names of generated models (see {@link #generated()})
     */
    static Optional<IllegalArgumentException> nearMiss(
            Collection<String> unmatched, Class<?> type, String table, Set<String> generated) {
        List<String> names = of(type, table);
        for (String name : unmatched) {
            if (generated.contains(name) || load(name) != null) {
                // a generated model's name, or a class (checked to be a model at build time): a
                // model not used yet, not a typo
                continue;
            }
            Optional<String> near = Suggestions.nearest(name, names);
            if (near.isPresent()) {
                return Optional.of(
                        new IllegalArgumentException(
                                String.format(
                                        Locale.ROOT,
                                        "cache model '%s' matches no model; did you mean '%s' (model %s, table '%s')? "
                                                + "configure a model's class name, simple name, or logical or physical "
                                                + "table name",
                                        name,
                                        near.get(),
                                        type.getName(),
                                        table)));
            }
        }
        return Optional.empty();
    }

    /**
     * The class, simple and logical table names of the models the annotation processor generated.
     */
    static Set<String> generated() {
        Set<String> names = new HashSet<>();
        try {
            for (ModelSchemaProvider p : ServiceLoader.load(ModelSchemaProvider.class)) {
                for (ModelSchema<?> s : p.schemas()) {
                    names.add(s.type().getName());
                    names.add(s.type().getSimpleName());
                    s.tableName().ifPresent(names::add);
                }
            }
        } catch (ServiceConfigurationError | RuntimeException e) {
            // the engine reports a broken provider itself; only the typo check loses precision
        }
        return names;
    }
}
