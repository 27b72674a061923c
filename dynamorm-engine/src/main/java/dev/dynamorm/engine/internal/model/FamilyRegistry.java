package dev.dynamorm.engine.internal.model;

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
        if (Families.isRoot(type)) {
            return Optional.of(family(type));
        }
        Class<?> root = Families.rootOf(type);
        if (root == null) {
            return Optional.empty();
        }
        return Optional.of(member(type, Families.shape(root)));
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
