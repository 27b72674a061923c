package dev.dynamorm.test.internal;

import dev.dynamorm.Converter;
import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Convert;
import dev.dynamorm.annotations.Ignore;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import dev.dynamorm.annotations.Unique;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fallback for classes without a generated schema: their fields read by reflection, as the
 * engine's reflective path reads them (record components, or the instance fields of a bean and its
 * superclasses, the subclass's first; {@code @Ignore} left out).
 */
final class ReflectiveModels {

    private ReflectiveModels() {}

    static KitModel read(Class<?> type) {
        List<KitField> fields = new ArrayList<>();
        List<AccessibleObject> accessors = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (!c.isAnnotationPresent(Ignore.class)) {
                    fields.add(field(c.getName(), c.getGenericType(), c));
                    accessors.add(c.getAccessor());
                }
            }
        } else {
            Set<String> seen = new HashSet<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    if (!Modifier.isStatic(m)
                            && !Modifier.isTransient(m)
                            && !f.isSynthetic()
                            && !f.isAnnotationPresent(Ignore.class)
                            && seen.add(f.getName())) {
                        fields.add(field(f.getName(), f.getGenericType(), f));
                        accessors.add(f);
                    }
                }
            }
        }
        PartitionKey pk = type.getAnnotation(PartitionKey.class);
        SortKey sk = type.getAnnotation(SortKey.class);
        return new KitModel(
                type,
                fields,
                null,
                accessors,
                pk == null || pk.template().isEmpty() ? null : pk.template(),
                sk == null || sk.template().isEmpty() ? null : sk.template());
    }

    private static KitField field(String name, Type type, AnnotatedElement e) {
        Attribute renamed = e.getAnnotation(Attribute.class);
        Convert convert = e.getAnnotation(Convert.class);
        return new KitField(
                name,
                type,
                renamed != null && !renamed.value().isEmpty() ? renamed.value() : name,
                e.isAnnotationPresent(PartitionKey.class),
                e.isAnnotationPresent(SortKey.class),
                e.isAnnotationPresent(Unique.class),
                e.isAnnotationPresent(Ttl.class),
                convert != null,
                convert == null ? null : instantiate(convert.value()));
    }

    private static Converter<?> instantiate(Class<?> converterClass) {
        try {
            return (Converter<?>) converterClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the engine reports a converter it cannot create when it reads the model
            return null;
        }
    }
}
