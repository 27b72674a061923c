package dev.dynamorm.engine.internal.model;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.spi.schema.IndexKeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Gathers the {@code @IndexKey} declarations of a table model's fields into its indexes, checking
 * their key roles, key types and projections.
 */
final class IndexBuilder {

    private final Class<?> type;

    IndexBuilder(Class<?> type) {
        this.type = type;
    }

    /** The declarations of one index, gathered over its key fields. */
    private static final class IndexDecl {
        final String name;
        final IndexType type;
        final Mapped typeField;
        Mapped partition;
        Mapped sort;
        ProjectionType projection = ProjectionType.ALL;
        List<String> include = List.of();
        Mapped projectionField;

        IndexDecl(String name, IndexType type, Mapped typeField) {
            this.name = name;
            this.type = type;
            this.typeField = typeField;
        }
    }

    List<IndexMetadata> indexes(
            List<Mapped> mapped, Map<Mapped, ReflectiveField> byMapped, Mapped pk, Mapped sk) {
        Map<String, IndexDecl> decls = new LinkedHashMap<>();
        for (Mapped f : mapped) {
            for (IndexKeySchema k : f.mapping().indexKeys()) {
                if (k.index().isBlank()) {
                    throw fail(
                            "model %s: field '%s' has an @IndexKey with an empty index name: name the index",
                            type.getName(), f.name());
                }
                // get and put rather than computeIfAbsent with a lambda (a hidden class at first
                // use)
                IndexDecl d = decls.get(k.index());
                if (d == null) {
                    d = new IndexDecl(k.index(), k.type(), f);
                    decls.put(k.index(), d);
                }
                if (d.type != k.type()) {
                    throw fail(
                            "model %s: index '%s' is declared %s on field '%s' and %s on field '%s': give every "
                                    + "key field of an index the same type",
                            type.getName(), d.name, d.type, d.typeField.name(), k.type(), f.name());
                }
                if (k.role() == KeyRole.PARTITION) {
                    d.partition = claim(d, d.partition, d.sort, f, "partition", "sort");
                } else {
                    d.sort = claim(d, d.sort, d.partition, f, "sort", "partition");
                }
                boolean specified = k.projection() != ProjectionType.ALL || !k.include().isEmpty();
                if (specified) {
                    List<String> include = k.include();
                    if (d.projectionField == null) {
                        d.projection = k.projection();
                        d.include = include;
                        d.projectionField = f;
                    } else if (d.projection != k.projection()
                            || !new TreeSet<>(d.include).equals(new TreeSet<>(include))) {
                        throw fail(
                                "model %s: index '%s' has conflicting projections: %s on field '%s' and %s on "
                                        + "field '%s': declare the projection on one key field only",
                                type.getName(),
                                d.name,
                                describe(d.projection, d.include),
                                d.projectionField.name(),
                                describe(k.projection(), include),
                                f.name());
                    }
                }
            }
        }
        List<IndexMetadata> out = new ArrayList<>();
        for (IndexDecl d : decls.values()) {
            boolean global = d.type == IndexType.GLOBAL;
            Mapped partition;
            if (global) {
                if (d.partition == null) {
                    throw fail(
                            "model %s: index '%s' has a sort key but no partition key: add @IndexKey(index = "
                                    + "\"%s\") to the field that partitions it",
                            type.getName(), d.name, d.name);
                }
                partition = d.partition;
            } else {
                if (d.partition != null) {
                    throw fail(
                            "model %s: local index '%s' declares field '%s' as its partition key, but a local "
                                    + "index shares the table's partition key: declare only its sort key (role = KeyRole.SORT)",
                            type.getName(), d.name, d.partition.name());
                }
                if (sk == null) {
                    throw fail(
                            "model %s: local index '%s' needs a table sort key, and the model has none: add "
                                    + "@SortKey to a field, or make the index GLOBAL",
                            type.getName(), d.name);
                }
                partition = pk;
            }
            if (d.partition != null) {
                checkIndexKey(d, d.partition, "partition");
            }
            if (d.sort != null) {
                checkIndexKey(d, d.sort, "sort");
            }
            if (d.include.size() > 0 && d.projection != ProjectionType.INCLUDE) {
                throw fail(
                        "model %s: index '%s' lists include fields %s but its projection is %s: set projection = "
                                + "ProjectionType.INCLUDE",
                        type.getName(), d.name, d.include, d.projection);
            }
            if (d.projection == ProjectionType.INCLUDE && d.include.isEmpty()) {
                throw fail(
                        "model %s: index '%s' has projection INCLUDE but names no fields: list the Java fields to "
                                + "copy into the index in include",
                        type.getName(), d.name);
            }
            Set<String> included = new LinkedHashSet<>();
            for (String name : d.include) {
                Mapped f = null;
                for (Mapped m : mapped) {
                    if (m.name().equals(name)) {
                        f = m;
                        break;
                    }
                }
                if (f == null) {
                    throw fail(
                            "model %s: index '%s' includes unknown field '%s': include takes Java field names of "
                                    + "the model (%s)",
                            type.getName(),
                            d.name,
                            name,
                            String.join(", ", mapped.stream().map(Mapped::name).toList()));
                }
                if (!Mapped.same(f, pk)
                        && !Mapped.same(f, sk)
                        && !Mapped.same(f, partition)
                        && !Mapped.same(f, d.sort)) {
                    included.add(f.attributeName());
                }
            }
            out.add(
                    new ReflectiveIndex(
                            d.name,
                            global,
                            byMapped.get(partition),
                            d.sort == null ? Optional.empty() : Optional.of(byMapped.get(d.sort)),
                            d.projection,
                            List.copyOf(included)));
        }
        return out;
    }

    private Mapped claim(
            IndexDecl d, Mapped holder, Mapped otherRole, Mapped f, String role, String other) {
        if (Mapped.same(holder, f)) {
            throw fail(
                    "model %s: field '%s' declares the %s key of index '%s' twice: keep one @IndexKey",
                    type.getName(), f.name(), role, d.name);
        }
        if (holder != null) {
            throw fail(
                    "model %s: fields '%s' and '%s' are both the %s key of index '%s': give each role to one field",
                    type.getName(), holder.name(), f.name(), role, d.name);
        }
        if (Mapped.same(otherRole, f)) {
            throw fail(
                    "model %s: field '%s' is both the %s key and the %s key of index '%s': use two fields",
                    type.getName(), f.name(), other, role, d.name);
        }
        return f;
    }

    private void checkIndexKey(IndexDecl d, Mapped key, String role) {
        checkKeyType(key, "the " + role + " key of index '" + d.name + "'");
        if (key.mapping().encrypted()) {
            throw fail(
                    "model %s: field '%s' is the %s key of index '%s' and cannot be %s: DynamoDB must read "
                            + "index keys in plain form; remove %s",
                    type.getName(),
                    key.name(),
                    role,
                    d.name,
                    key.mapping().transformNames(),
                    key.mapping().transformNames());
        }
    }

    private static String describe(ProjectionType projection, List<String> include) {
        return include.isEmpty() ? projection.name() : projection.name() + " " + include;
    }

    void checkKeyType(Mapped key, String what) {
        AttributeValue.Type t = key.converter().attributeType();
        if (t != AttributeValue.Type.S
                && t != AttributeValue.Type.N
                && t != AttributeValue.Type.B) {
            throw fail(
                    "model %s: field '%s' is %s but is stored as %s: a key must be stored as S, N or B (string, "
                            + "number or binary); use such a type, or a @Convert converter that writes one",
                    type.getName(), key.name(), what, t);
        }
    }

    private ModelDefinitionException fail(String format, Object... args) {
        return new ModelDefinitionException(String.format(Locale.ROOT, format, args), type);
    }
}
