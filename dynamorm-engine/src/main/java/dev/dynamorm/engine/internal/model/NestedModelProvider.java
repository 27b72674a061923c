package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import dev.dynamorm.ConverterProvider;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * The engine's own provider, asked last: stores records and JavaBeans of application classes as
 * maps (M), through metadata built like that of top-level models.
 */
final class NestedModelProvider implements ConverterProvider {

    private final ModelFactory models;

    NestedModelProvider(ModelFactory models) {
        this.models = models;
    }

    @Override
    public Optional<Converter<?>> converterFor(Type type, ConverterLookup lookup) {
        if (type instanceof Class<?> c && (models.hasSchema(c) || eligible(c))) {
            // the model converts its instances itself
            return Optional.of(models.get(c));
        }
        return Optional.empty();
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    /** Whether a class is an application record or JavaBean (not a JDK or SDK type). */
    static boolean eligible(Class<?> c) {
        if (c.isPrimitive()
                || c.isArray()
                || c.isInterface()
                || c.isEnum()
                || c.isAnnotation()
                || Modifier.isAbstract(c.getModifiers())
                || c.isAnonymousClass()
                || platform(c)) {
            return false;
        }
        if (c.isRecord()) {
            return true;
        }
        return Introspector.isBean(c);
    }

    private static boolean platform(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return true;
        }
        String n = c.getName();
        return n.startsWith("java.")
                || n.startsWith("javax.")
                || n.startsWith("jdk.")
                || n.startsWith("sun.")
                || n.startsWith("com.sun.")
                || n.startsWith("software.amazon.awssdk.");
    }

    @Override
    public String toString() {
        return "NestedModelProvider";
    }
}
