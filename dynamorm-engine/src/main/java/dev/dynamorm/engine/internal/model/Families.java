package dev.dynamorm.engine.internal.model;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.Discriminator;
import dev.dynamorm.annotations.DynamoTable;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads entity families: a {@code @DynamoTable} on a sealed interface or abstract class whose
 * permitted subtypes are the members. Reads class-level annotations and the permitted subtypes
 * only, never a member's fields, so generated and reflective models alike use it. Whether a class
 * is a root or a member is asked of {@link FamilyRegistry} (for every model: this class is loaded
 * only for families).
 */
final class Families {

    /** One member: its class, the discriminator value it writes, and whether it is the fallback. */
    record Member(Class<?> type, String tag, boolean fallback) {}

    /**
     * The shape of one family.
     *
     * @param root the sealed interface or abstract class
     * @param table the {@code @DynamoTable} annotation of the root
     * @param members the members in {@code permits} order
     */
    record Shape(Class<?> root, DynamoTable table, List<Member> members) {

        /** The discriminator attribute name. */
        String attribute() {
            return table.discriminator();
        }

        /** The member of a class, or null. */
        Member member(Class<?> type) {
            for (Member m : members) {
                if (m.type() == type) {
                    return m;
                }
            }
            return null;
        }

        /** The member whose discriminator value is {@code tag}, else the fallback, else null. */
        Member byTag(String tag) {
            Member fallback = null;
            for (Member m : members) {
                if (m.tag().equals(tag)) {
                    return m;
                }
                if (m.fallback()) {
                    fallback = m;
                }
            }
            return fallback;
        }

        /** The discriminator values, in member order, for messages. */
        List<String> tags() {
            return members.stream().map(Member::tag).toList();
        }
    }

    private Families() {}

    /**
     * Reads and checks the shape of a family.
     *
     * @throws ModelDefinitionException if the root is not sealed, a member is not a record or
     *     concrete class, or two members share a discriminator value or the fallback role
     */
    static Shape shape(Class<?> root) {
        DynamoTable table = root.getAnnotation(DynamoTable.class);
        String kind = root.isInterface() ? "an interface" : "an abstract class";
        if (!root.isSealed()) {
            throw fail(
                    root,
                    "entity family %s is %s but not sealed: declare it 'sealed ... permits' its member types "
                            + "(records or concrete classes), or annotate a record or concrete class instead",
                    root.getName(),
                    kind);
        }
        if (table.discriminator().isBlank()) {
            throw fail(
                    root,
                    "entity family %s has an empty discriminator attribute name in @DynamoTable: name the "
                            + "attribute (the default is \"_type\")",
                    root.getName());
        }
        Map<String, Class<?>> byTag = new LinkedHashMap<>();
        List<Member> members = new ArrayList<>();
        Class<?> fallback = null;
        for (Class<?> m : root.getPermittedSubclasses()) {
            if (m.isInterface() || Modifier.isAbstract(m.getModifiers())) {
                throw fail(
                        root,
                        "entity family %s permits %s, which is %s: every member must be a record or a concrete "
                                + "class (nested families are not supported)",
                        root.getName(),
                        m.getName(),
                        m.isInterface() ? "an interface" : "an abstract class");
            }
            if (m.isAnnotationPresent(DynamoTable.class)) {
                throw fail(
                        root,
                        "member %s of entity family %s has its own @DynamoTable: remove it (members are stored "
                                + "in the family's table '%s')",
                        m.getName(),
                        root.getName(),
                        table.value());
            }
            Discriminator d = m.getAnnotation(Discriminator.class);
            String tag = d == null || d.value().isEmpty() ? m.getSimpleName() : d.value();
            Class<?> clash = byTag.putIfAbsent(tag, m);
            if (clash != null) {
                throw fail(
                        root,
                        "members %s and %s of entity family %s share the discriminator value '%s': give one of "
                                + "them another with @Discriminator(\"...\")",
                        clash.getName(),
                        m.getName(),
                        root.getName(),
                        tag);
            }
            boolean isFallback = d != null && d.fallback();
            if (isFallback) {
                if (fallback != null) {
                    throw fail(
                            root,
                            "members %s and %s of entity family %s are both marked @Discriminator(fallback = "
                                    + "true): keep at most one fallback",
                            fallback.getName(),
                            m.getName(),
                            root.getName());
                }
                fallback = m;
            }
            members.add(new Member(m, tag, isFallback));
        }
        if (members.isEmpty()) {
            throw fail(root, "entity family %s permits no member types", root.getName());
        }
        return new Shape(root, table, List.copyOf(members));
    }

    static ModelDefinitionException fail(Class<?> type, String format, Object... args) {
        return new ModelDefinitionException(String.format(Locale.ROOT, format, args), type);
    }
}
