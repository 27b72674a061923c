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
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Gathers the {@code @IndexKey} declarations of a table model's fields into its indexes, checking
 * their key roles, key types and projections.
 */
final class IndexBuilder {

    /** DynamoDB's limit of attributes per partition (and per sort) key of a global index. */
    static final int MAX_KEY_FIELDS = 4;

    private final Class<?> type;

    // One index's declarations, gathered over its key fields, in the instance that gathers that
    // index (a builder per index rather than a holder class: one class less to load at the first
    // indexed model); null in the model's own instance.
    private final String name;
    private final IndexType indexType;
    private final Property typeField;
    private final Map<Property, Integer> partitions;
    private final Map<Property, Integer> sorts;
    private ProjectionType projection;
    private List<String> include;
    private Property projectionField;

    IndexBuilder(Class<?> type) {
        this.type = type;
        this.name = null;
        this.indexType = null;
        this.typeField = null;
        this.partitions = null;
        this.sorts = null;
    }

    /** The gathering of one index of a model. */
    private IndexBuilder(Class<?> type, String name, IndexType indexType, Property typeField) {
        this.type = type;
        this.name = name;
        this.indexType = indexType;
        this.typeField = typeField;
        this.partitions = new LinkedHashMap<>();
        this.sorts = new LinkedHashMap<>();
        this.projection = ProjectionType.ALL;
        this.include = List.of();
    }

    List<IndexMetadata> indexes(
            List<Property> mapped, ReflectiveField[] bySlot, Property pk, Property sk) {
        Map<String, IndexBuilder> decls = new LinkedHashMap<>();
        for (Property f : mapped) {
            List<IndexKeySchema> keys = f.mapping.indexKeys();
            if (keys.isEmpty()) {
                continue; // most fields: no iterator to create
            }
            for (IndexKeySchema k : keys) {
                if (k.index().isBlank()) {
                    throw fail(
                            "model %s: field '%s' has an @IndexKey with an empty index name: name the index",
                            type.getName(), f.name());
                }
                // get and put rather than computeIfAbsent with a lambda (a hidden class at first
                // use)
                IndexBuilder d = decls.get(k.index());
                if (d == null) {
                    d = new IndexBuilder(type, k.index(), k.type(), f);
                    decls.put(k.index(), d);
                }
                if (d.indexType != k.type()) {
                    throw fail(
                            "model %s: index '%s' is declared %s on field '%s' and %s on field '%s': give every "
                                    + "key field of an index the same type",
                            type.getName(),
                            d.name,
                            d.indexType,
                            d.typeField.name(),
                            k.type(),
                            f.name());
                }
                if (k.role() == KeyRole.PARTITION) {
                    claim(d, d.partitions, d.sorts, f, k.order(), "partition", "sort");
                } else {
                    claim(d, d.sorts, d.partitions, f, k.order(), "sort", "partition");
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
        // keys, not values(): their set and iterator classes are loaded before any model
        for (String index : decls.keySet()) {
            IndexBuilder d = decls.get(index);
            boolean global = d.indexType == IndexType.GLOBAL;
            List<Property> partitions = ordered(d, d.partitions, "partition");
            List<Property> sorts = ordered(d, d.sorts, "sort");
            if (!global && (partitions.size() > 1 || sorts.size() > 1)) {
                throw fail(
                        "model %s: local index '%s' has a multi-attribute key, which DynamoDB allows on "
                                + "global indexes only: make it GLOBAL or give it one sort key field",
                        type.getName(), d.name);
            }
            Property partition;
            if (global) {
                if (partitions.isEmpty()) {
                    throw fail(
                            "model %s: index '%s' has a sort key but no partition key: add @IndexKey(index = "
                                    + "\"%s\") to the field that partitions it",
                            type.getName(), d.name, d.name);
                }
                partition = partitions.get(0);
            } else {
                if (!partitions.isEmpty()) {
                    throw fail(
                            "model %s: local index '%s' declares field '%s' as its partition key, but a local "
                                    + "index shares the table's partition key: declare only its sort key (role = KeyRole.SORT)",
                            type.getName(), d.name, partitions.get(0).name());
                }
                if (sk == null) {
                    throw fail(
                            "model %s: local index '%s' needs a table sort key, and the model has none: add "
                                    + "@SortKey to a field, or make the index GLOBAL",
                            type.getName(), d.name);
                }
                partition = pk;
                partitions = List.of(pk);
            }
            if (global) {
                for (Property f : partitions) {
                    checkIndexKey(d, f, "partition");
                }
            }
            for (Property f : sorts) {
                checkIndexKey(d, f, "sort");
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
                Property f = null;
                for (Property m : mapped) {
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
                            String.join(", ", mapped.stream().map(Property::name).toList()));
                }
                boolean key = f == pk || f == sk || f == partition;
                for (Property k : d.partitions.keySet()) {
                    key |= f == k;
                }
                for (Property k : sorts) {
                    key |= f == k;
                }
                if (!key) {
                    included.add(f.attributeName());
                }
            }
            out.add(
                    new IndexMetadata(
                            d.name,
                            global,
                            fieldsOf(partitions, bySlot),
                            fieldsOf(sorts, bySlot),
                            d.projection,
                            List.copyOf(included)));
        }
        return out;
    }

    // a loop, not a stream: registration spins no lambda classes (see
    // GeneratedRegistrationFootprintTest)
    private static List<FieldMetadata> fieldsOf(List<Property> fields, ReflectiveField[] bySlot) {
        List<FieldMetadata> out = new ArrayList<>(fields.size());
        for (Property f : fields) {
            out.add(bySlot[f.slot]);
        }
        return List.copyOf(out);
    }

    private void claim(
            IndexBuilder d,
            Map<Property, Integer> holders,
            Map<Property, Integer> otherRole,
            Property f,
            int order,
            String role,
            String other) {
        // keys and get, not entrySet: its iterator class is otherwise loaded by the first indexed
        // model only
        for (Property holder : holders.keySet()) {
            int held = holders.get(holder);
            if (holder == f) {
                throw fail(
                        "model %s: field '%s' declares the %s key of index '%s' twice: keep one @IndexKey",
                        type.getName(), f.name(), role, d.name);
            }
            if (order == 0 && held == 0) {
                throw fail(
                        "model %s: fields '%s' and '%s' are both the %s key of index '%s': give each role to one field",
                        type.getName(), holder.name(), f.name(), role, d.name);
            }
            if (order == 0 || held == 0) {
                throw fail(
                        "model %s: fields '%s' and '%s' are both the %s key of index '%s' but only '%s' has an "
                                + "order: give every field of a multi-attribute key its position (order = 1, 2, ...)",
                        type.getName(),
                        holder.name(),
                        f.name(),
                        role,
                        d.name,
                        order == 0 ? holder.name() : f.name());
            }
            if (order == held) {
                throw fail(
                        "model %s: fields '%s' and '%s' both have order %d in the %s key of index '%s': give "
                                + "each field its own position",
                        type.getName(), holder.name(), f.name(), order, role, d.name);
            }
        }
        for (Property o : otherRole.keySet()) {
            if (o == f) {
                throw fail(
                        "model %s: field '%s' is both the %s key and the %s key of index '%s': use two fields",
                        type.getName(), f.name(), other, role, d.name);
            }
        }
        holders.put(f, order);
    }

    /** The fields of one key role in key order, checking that their positions run 1, 2, ... */
    private List<Property> ordered(IndexBuilder d, Map<Property, Integer> fields, String role) {
        // a stable insertion sort by order over the keys: no comparator (a lambda class spun) and
        // no
        // entry iterator (a class the first indexed model would load)
        List<Property> sorted = new ArrayList<>(fields.size());
        for (Property f : fields.keySet()) {
            int at = sorted.size();
            while (at > 0 && fields.get(sorted.get(at - 1)) > fields.get(f)) {
                at--;
            }
            sorted.add(at, f);
        }
        List<Property> out = new ArrayList<>();
        for (Property f : sorted) {
            int order = fields.get(f);
            if (order < 0 || order > MAX_KEY_FIELDS) {
                throw fail(
                        "model %s: field '%s' has order %d in the %s key of index '%s': an order runs from 1 "
                                + "to %d (DynamoDB allows up to %d attributes per index key)",
                        type.getName(),
                        f.name(),
                        order,
                        role,
                        d.name,
                        MAX_KEY_FIELDS,
                        MAX_KEY_FIELDS);
            }
            if (order > 0 && order != out.size() + 1) {
                throw fail(
                        "model %s: the %s key of index '%s' has fields at positions %s: number them from 1 "
                                + "without a gap",
                        type.getName(), role, d.name, positions(sorted, fields));
            }
            out.add(f);
        }
        return out;
    }

    /** The positions of the fields, in their order (for a message). */
    private static List<Integer> positions(List<Property> sorted, Map<Property, Integer> fields) {
        List<Integer> out = new ArrayList<>(sorted.size());
        for (Property f : sorted) {
            out.add(fields.get(f));
        }
        return out;
    }

    private void checkIndexKey(IndexBuilder d, Property key, String role) {
        checkKeyType(key, "the " + role + " key of index '" + d.name + "'");
        if (key.mapping.encrypted()) {
            throw fail(
                    "model %s: field '%s' is the %s key of index '%s' and cannot be %s: DynamoDB must read "
                            + "index keys in plain form; remove %s",
                    type.getName(),
                    key.name(),
                    role,
                    d.name,
                    key.mapping.transformNames(),
                    key.mapping.transformNames());
        }
    }

    private static String describe(ProjectionType projection, List<String> include) {
        return include.isEmpty() ? projection.name() : projection.name() + " " + include;
    }

    void checkKeyType(Property key, String what) {
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
