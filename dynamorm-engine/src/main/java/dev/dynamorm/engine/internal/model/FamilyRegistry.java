package dev.dynamorm.engine.internal.model;

import dev.dynamorm.annotations.DynamoTable;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metadata of entity families and their members, built on first use and cached; for every other
 * class it answers empty (also cached). Thread-safe.
 */
final class FamilyRegistry {

    private final ModelFactory models;
    private final ConcurrentHashMap<Class<?>, Optional<ModelMetadata<?>>> cache =
            new ConcurrentHashMap<>();

    FamilyRegistry(ModelFactory models) {
        this.models = models;
    }

    /**
     * The family metadata of a family root, the member metadata of a member, else empty.
     *
     * @throws dev.dynamorm.ModelDefinitionException if the family or a member is not valid
     */
    @SuppressWarnings("unchecked") // cached under its own class
    <T> Optional<ModelMetadata<T>> find(Class<T> type) {
        Optional<ModelMetadata<?>> found = cache.get(type);
        if (found == null) {
            found = build(type);
            Optional<ModelMetadata<?>> raced = cache.putIfAbsent(type, found);
            if (raced != null) {
                found = raced;
            }
        }
        // a cast, not found.map(..): no lambda on the registration path
        return (Optional<ModelMetadata<T>>) (Optional<?>) found;
    }

    private Optional<ModelMetadata<?>> build(Class<?> type) {
        if (isRoot(type)) {
            return Optional.of(family(type));
        }
        Class<?> root = rootOf(type);
        if (root == null) {
            return Optional.empty();
        }
        return Optional.of(member(type, Families.shape(root)));
    }

    /**
     * Whether the class is the root of a family: annotated, sealed, and an interface or abstract
     * class (an annotated interface that is not sealed stays an invalid model, reported as such).
     */
    static boolean isRoot(Class<?> type) {
        // the cheap checks first: reading annotations parses them and spins a proxy, which a
        // generated model (a record or concrete class) must not pay for
        return (type.isInterface() || Modifier.isAbstract(type.getModifiers()))
                && !type.isAnnotation()
                && !type.isPrimitive()
                && !type.isArray()
                && type.isSealed()
                && type.isAnnotationPresent(DynamoTable.class);
    }

    /**
     * The family root a class is a member of: a direct supertype that is a family root and permits
     * it; null when the class has its own {@code @DynamoTable} or belongs to no family.
     */
    static Class<?> rootOf(Class<?> type) {
        // the interfaces, then the superclass; no list built: every model registration asks
        for (Class<?> s : type.getInterfaces()) {
            if (roots(s, type)) {
                return ownTable(type) ? null : s;
            }
        }
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && roots(superclass, type)) {
            return ownTable(type) ? null : superclass;
        }
        return null;
    }

    /** Whether {@code s} is a family root that permits {@code type}. */
    private static boolean roots(Class<?> s, Class<?> type) {
        return isRoot(s) && List.of(s.getPermittedSubclasses()).contains(type);
    }

    /** Own annotation read only for a permitted subtype of a root (see isRoot). */
    private static boolean ownTable(Class<?> type) {
        return type.isAnnotationPresent(DynamoTable.class);
    }

    /**
     * The {@code @DynamoTable} that applies to a class: its own, or its family's; null when
     * neither.
     */
    static DynamoTable tableOf(Class<?> type) {
        DynamoTable own = type.getAnnotation(DynamoTable.class);
        if (own != null) {
            return own;
        }
        Class<?> root = rootOf(type);
        return root == null ? null : root.getAnnotation(DynamoTable.class);
    }

    private <T> FamilyModel<T> family(Class<T> root) {
        Families.Shape shape = Families.shape(root);
        List<MemberModel<?>> members = new ArrayList<>();
        for (Families.Member m : shape.members()) {
            members.add(member(m.type(), shape));
        }
        return new FamilyModel<>(root, shape, members);
    }

    private <M> MemberModel<M> member(Class<M> type, Families.Shape shape) {
        ModelMetadata<M> base = KeyTemplates.wrap(models.get(type), models.schema(type));
        if (base.tableName().isEmpty()) {
            // a generated schema compiled before the family existed, or without the family's table
            throw Families.fail(
                    type,
                    "member %s of entity family %s has no table in its generated schema: recompile it with "
                            + "dynamorm-processor",
                    type.getName(),
                    shape.root().getName());
        }
        UniqueKeys.check(base);
        return new MemberModel<>(base, shape, this);
    }
}
