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
 * A secondary index declared by {@code @IndexKey} annotations. Immutable. A model holds one
 * instance per index, compared by identity (==).
 *
 * <p>The class also gathers a table model's indexes from its fields' declarations ({@link #gather})
 * and checks the stored type of every key, the table's included ({@link #checkKeyType}): the first
 * model of any kind loads this one class, and the first indexed model none. A plain final class
 * rather than a record, as nothing compares indexes by value: a record's {@code equals}, {@code
 * hashCode} and {@code toString} only made the class larger.
 */
public final class IndexMetadata {

    /** DynamoDB's limit of attributes per partition (and per sort) key of a global index. */
    static final int MAX_KEY_FIELDS = 4;

    private final String name;
    private final boolean global;
    private final List<FieldMetadata> partitionKeys;
    private final List<FieldMetadata> sortKeys;
    private final ProjectionType projection;
    private final List<String> includedAttributes;

    /**
     * An index; the lists are copied, so that the index stays immutable.
     *
     * @param name the index name
     * @param global true for a global secondary index, false for a local one
     * @param partitionKeys every partition key field in key order: one, or up to four for a
     *     multi-attribute key (the table's partition key for a local index)
     * @param sortKeys every sort key field in key order: none, one, or up to four for a
     *     multi-attribute key
     * @param projection the projection type
     * @param includedAttributes attribute names of non-key attributes included when the projection
     *     is INCLUDE
     */
    public IndexMetadata(
            String name,
            boolean global,
            List<FieldMetadata> partitionKeys,
            List<FieldMetadata> sortKeys,
            ProjectionType projection,
            List<String> includedAttributes) {
        this.name = name;
        this.global = global;
        this.partitionKeys = List.copyOf(partitionKeys);
        this.sortKeys = List.copyOf(sortKeys);
        this.projection = projection;
        this.includedAttributes = List.copyOf(includedAttributes);
    }

    /** {@return the index name} */
    public String name() {
        return name;
    }

    /** {@return true for a global secondary index, false for a local one} */
    public boolean global() {
        return global;
    }

    /**
     * {@return every partition key field in key order} One, or up to four for a multi-attribute key
     * (the table's partition key for a local index).
     */
    public List<FieldMetadata> partitionKeys() {
        return partitionKeys;
    }

    /** {@return every sort key field in key order: none, one, or up to four} */
    public List<FieldMetadata> sortKeys() {
        return sortKeys;
    }

    /** {@return the projection type} */
    public ProjectionType projection() {
        return projection;
    }

    /** {@return the attribute names of non-key attributes the INCLUDE projection copies} */
    public List<String> includedAttributes() {
        return includedAttributes;
    }

    /**
     * The index partition key (the table's partition key for a local index); the first of {@link
     * #partitionKeys()} for a multi-attribute key.
     *
     * @return the field
     */
    public FieldMetadata partitionKey() {
        return partitionKeys.get(0);
    }

    /**
     * The index sort key, if any (always present for a local index); the first of {@link
     * #sortKeys()} for a multi-attribute key.
     *
     * @return the field, or empty
     */
    public Optional<FieldMetadata> sortKey() {
        return sortKeys.isEmpty() ? Optional.empty() : Optional.of(sortKeys.get(0));
    }

    /** {@return whether the partition or the sort key is made of several fields} */
    public boolean multiAttribute() {
        return partitionKeys.size() > 1 || sortKeys.size() > 1;
    }

    @Override
    public String toString() {
        StringBuilder out =
                new StringBuilder("Index[")
                        .append(name)
                        .append(global ? ", global" : ", local")
                        .append(", pk=");
        names(out, partitionKeys);
        if (!sortKeys.isEmpty()) {
            names(out.append(", sk="), sortKeys);
        }
        out.append(", ").append(projection);
        if (!includedAttributes.isEmpty()) {
            out.append(' ').append(includedAttributes);
        }
        return out.append(']').toString();
    }

    private static void names(StringBuilder out, List<FieldMetadata> fields) {
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(fields.get(i).name());
        }
    }

    /**
     * Gathers the indexes of a table model from the {@code @IndexKey} declarations of its fields,
     * checking their key roles, key types and projections.
     *
     * @param type the model type, named by every error
     * @param mapped the mapped properties, in field order
     * @param bySlot the field of each property by its slot
     * @param pk the table partition key, or null when a template declares it
     * @param sk the table sort key, or null
     * @return the indexes, in the order their names first appear
     * @throws ModelDefinitionException naming the model, the field and a fix
     */
    static List<IndexMetadata> gather(
            Class<?> type,
            List<Property> mapped,
            ReflectiveField[] bySlot,
            Property pk,
            Property sk) {
        // each index's declarations in field order, key fields and @IndexKey side by side (lists,
        // not a holder object per index: one class less to load)
        Map<String, List<Property>> fieldsByIndex = new LinkedHashMap<>();
        Map<String, List<IndexKeySchema>> keysByIndex = new LinkedHashMap<>();
        for (Property f : mapped) {
            List<IndexKeySchema> keys = f.mapping.indexKeys();
            if (keys.isEmpty()) {
                continue; // most fields: no iterator to create
            }
            for (IndexKeySchema k : keys) {
                if (k.index().isBlank()) {
                    throw fail(
                            type,
                            "model %s: field '%s' has an @IndexKey with an empty index name: name the index",
                            type.getName(),
                            f.name());
                }
                // get and put, not computeIfAbsent: its lambda spins a hidden class at first use
                List<Property> fields = fieldsByIndex.get(k.index());
                List<IndexKeySchema> declared = keysByIndex.get(k.index());
                if (fields == null) {
                    fields = new ArrayList<>();
                    declared = new ArrayList<>();
                    fieldsByIndex.put(k.index(), fields);
                    keysByIndex.put(k.index(), declared);
                }
                checkDeclaration(type, f, k, fields, declared);
                fields.add(f);
                declared.add(k);
            }
        }
        List<IndexMetadata> out = new ArrayList<>(fieldsByIndex.size());
        // keys, not values(): their set and iterator classes are loaded before any model
        for (String index : fieldsByIndex.keySet()) {
            List<Property> fields = fieldsByIndex.get(index);
            List<IndexKeySchema> declared = keysByIndex.get(index);
            out.add(build(type, index, fields, declared, mapped, bySlot, pk, sk));
        }
        return out;
    }

    /**
     * Checks one declaration against the earlier ones of its index ({@code fields} and {@code
     * declared}): the same index type, one field per key role and position, one projection.
     */
    private static void checkDeclaration(
            Class<?> type,
            Property f,
            IndexKeySchema k,
            List<Property> fields,
            List<IndexKeySchema> declared) {
        if (declared.isEmpty()) {
            return; // the index's first declaration
        }
        String index = k.index();
        if (declared.get(0).type() != k.type()) {
            throw fail(
                    type,
                    "model %s: index '%s' is declared %s on field '%s' and %s on field '%s': give every "
                            + "key field of an index the same type",
                    type.getName(),
                    index,
                    declared.get(0).type(),
                    fields.get(0).name(),
                    k.type(),
                    f.name());
        }
        boolean partition = k.role() == KeyRole.PARTITION;
        String role = partition ? "partition" : "sort";
        int order = k.order();
        // the fields that hold this role already, in their declaration order
        for (int i = 0; i < declared.size(); i++) {
            if ((declared.get(i).role() == KeyRole.PARTITION) != partition) {
                continue;
            }
            Property holder = fields.get(i);
            int held = declared.get(i).order();
            if (holder == f) {
                throw fail(
                        type,
                        "model %s: field '%s' declares the %s key of index '%s' twice: keep one @IndexKey",
                        type.getName(),
                        f.name(),
                        role,
                        index);
            }
            if (order == 0 && held == 0) {
                throw fail(
                        type,
                        "model %s: fields '%s' and '%s' are both the %s key of index '%s': give each role to one field",
                        type.getName(),
                        holder.name(),
                        f.name(),
                        role,
                        index);
            }
            if (order == 0 || held == 0) {
                throw fail(
                        type,
                        "model %s: fields '%s' and '%s' are both the %s key of index '%s' but only '%s' has an "
                                + "order: give every field of a multi-attribute key its position (order = 1, 2, ...)",
                        type.getName(),
                        holder.name(),
                        f.name(),
                        role,
                        index,
                        order == 0 ? holder.name() : f.name());
            }
            if (order == held) {
                throw fail(
                        type,
                        "model %s: fields '%s' and '%s' both have order %d in the %s key of index '%s': give "
                                + "each field its own position",
                        type.getName(),
                        holder.name(),
                        f.name(),
                        order,
                        role,
                        index);
            }
        }
        for (int i = 0; i < declared.size(); i++) {
            if ((declared.get(i).role() == KeyRole.PARTITION) != partition && fields.get(i) == f) {
                throw fail(
                        type,
                        "model %s: field '%s' is both the %s key and the %s key of index '%s': use two fields",
                        type.getName(),
                        f.name(),
                        partition ? "sort" : "partition",
                        role,
                        index);
            }
        }
        int projected = projectionAt(declared);
        if (specified(k) && projected >= 0) {
            IndexKeySchema p = declared.get(projected);
            if (p.projection() != k.projection()
                    || !new TreeSet<>(p.include()).equals(new TreeSet<>(k.include()))) {
                throw fail(
                        type,
                        "model %s: index '%s' has conflicting projections: %s on field '%s' and %s on "
                                + "field '%s': declare the projection on one key field only",
                        type.getName(),
                        index,
                        describe(p.projection(), p.include()),
                        fields.get(projected).name(),
                        describe(k.projection(), k.include()),
                        f.name());
            }
        }
    }

    /** Whether a declaration sets the index's projection (anything but ALL, or include fields). */
    private static boolean specified(IndexKeySchema k) {
        return k.projection() != ProjectionType.ALL || !k.include().isEmpty();
    }

    /** The position of the declaration that sets the index's projection: the first, or -1. */
    private static int projectionAt(List<IndexKeySchema> declared) {
        for (int i = 0; i < declared.size(); i++) {
            if (specified(declared.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** One index from its declarations, checked as a whole. */
    private static IndexMetadata build(
            Class<?> type,
            String index,
            List<Property> fields,
            List<IndexKeySchema> declared,
            List<Property> mapped,
            ReflectiveField[] bySlot,
            Property pk,
            Property sk) {
        boolean global = declared.get(0).type() == IndexType.GLOBAL;
        List<Property> partitions = ordered(type, index, fields, declared, true);
        List<Property> sorts = ordered(type, index, fields, declared, false);
        if (!global && (partitions.size() > 1 || sorts.size() > 1)) {
            throw fail(
                    type,
                    "model %s: local index '%s' has a multi-attribute key, which DynamoDB allows on "
                            + "global indexes only: make it GLOBAL or give it one sort key field",
                    type.getName(),
                    index);
        }
        Property partition;
        if (global) {
            if (partitions.isEmpty()) {
                throw fail(
                        type,
                        "model %s: index '%s' has a sort key but no partition key: add @IndexKey(index = "
                                + "\"%s\") to the field that partitions it",
                        type.getName(),
                        index,
                        index);
            }
            partition = partitions.get(0);
            for (Property f : partitions) {
                checkIndexKey(type, index, f, "partition");
            }
        } else {
            if (!partitions.isEmpty()) {
                throw fail(
                        type,
                        "model %s: local index '%s' declares field '%s' as its partition key, but a local "
                                + "index shares the table's partition key: declare only its sort key (role = KeyRole.SORT)",
                        type.getName(),
                        index,
                        partitions.get(0).name());
            }
            if (sk == null) {
                throw fail(
                        type,
                        "model %s: local index '%s' needs a table sort key, and the model has none: add "
                                + "@SortKey to a field, or make the index GLOBAL",
                        type.getName(),
                        index);
            }
            partition = pk;
            partitions = List.of(pk);
        }
        for (Property f : sorts) {
            checkIndexKey(type, index, f, "sort");
        }
        int projected = projectionAt(declared);
        ProjectionType projection =
                projected < 0 ? ProjectionType.ALL : declared.get(projected).projection();
        List<String> include = projected < 0 ? List.of() : declared.get(projected).include();
        if (include.size() > 0 && projection != ProjectionType.INCLUDE) {
            throw fail(
                    type,
                    "model %s: index '%s' lists include fields %s but its projection is %s: set projection = "
                            + "ProjectionType.INCLUDE",
                    type.getName(),
                    index,
                    include,
                    projection);
        }
        if (projection == ProjectionType.INCLUDE && include.isEmpty()) {
            throw fail(
                    type,
                    "model %s: index '%s' has projection INCLUDE but names no fields: list the Java fields to "
                            + "copy into the index in include",
                    type.getName(),
                    index);
        }
        Set<String> included = new LinkedHashSet<>();
        for (String name : include) {
            Property f = null;
            for (Property m : mapped) {
                if (m.name().equals(name)) {
                    f = m;
                    break;
                }
            }
            if (f == null) {
                throw fail(
                        type,
                        "model %s: index '%s' includes unknown field '%s': include takes Java field names of "
                                + "the model (%s)",
                        type.getName(),
                        index,
                        name,
                        String.join(", ", mapped.stream().map(Property::name).toList()));
            }
            boolean key = f == pk || f == sk || f == partition;
            for (Property k : partitions) {
                key |= f == k;
            }
            for (Property k : sorts) {
                key |= f == k;
            }
            if (!key) {
                included.add(f.attributeName());
            }
        }
        return new IndexMetadata(
                index,
                global,
                fieldsOf(partitions, bySlot),
                fieldsOf(sorts, bySlot),
                projection,
                List.copyOf(included));
    }

    // a loop, not a stream: registration spins no lambda classes (see
    // GeneratedRegistrationFootprintTest)
    private static List<FieldMetadata> fieldsOf(List<Property> fields, ReflectiveField[] bySlot) {
        List<FieldMetadata> out = new ArrayList<>(fields.size());
        for (Property f : fields) {
            out.add(bySlot[f.slot]);
        }
        return out;
    }

    /**
     * The fields of one key role (partition, or sort) in key order, checking that their positions
     * run 1, 2, ...
     */
    private static List<Property> ordered(
            Class<?> type,
            String index,
            List<Property> fields,
            List<IndexKeySchema> declared,
            boolean partition) {
        // the role's declarations by position in declared, stably insertion-sorted by order: no
        // comparator (a lambda class spun)
        int[] sorted = new int[declared.size()];
        int n = 0;
        for (int i = 0; i < declared.size(); i++) {
            if ((declared.get(i).role() == KeyRole.PARTITION) != partition) {
                continue;
            }
            int at = n++;
            while (at > 0 && declared.get(sorted[at - 1]).order() > declared.get(i).order()) {
                sorted[at] = sorted[at - 1];
                at--;
            }
            sorted[at] = i;
        }
        String role = partition ? "partition" : "sort";
        List<Property> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            Property f = fields.get(sorted[s]);
            int order = declared.get(sorted[s]).order();
            if (order < 0 || order > MAX_KEY_FIELDS) {
                throw fail(
                        type,
                        "model %s: field '%s' has order %d in the %s key of index '%s': an order runs from 1 "
                                + "to %d (DynamoDB allows up to %d attributes per index key)",
                        type.getName(),
                        f.name(),
                        order,
                        role,
                        index,
                        MAX_KEY_FIELDS,
                        MAX_KEY_FIELDS);
            }
            if (order > 0 && order != out.size() + 1) {
                List<Integer> positions = new ArrayList<>(n);
                for (int p = 0; p < n; p++) {
                    positions.add(declared.get(sorted[p]).order());
                }
                throw fail(
                        type,
                        "model %s: the %s key of index '%s' has fields at positions %s: number them from 1 "
                                + "without a gap",
                        type.getName(),
                        role,
                        index,
                        positions);
            }
            out.add(f);
        }
        return out;
    }

    private static void checkIndexKey(Class<?> type, String index, Property key, String role) {
        checkKeyType(type, key, "the " + role + " key of index '" + index + "'");
        if (key.mapping.encrypted()) {
            throw fail(
                    type,
                    "model %s: field '%s' is the %s key of index '%s' and cannot be %s: DynamoDB must read "
                            + "index keys in plain form; remove %s",
                    type.getName(),
                    key.name(),
                    role,
                    index,
                    key.mapping.transformNames(),
                    key.mapping.transformNames());
        }
    }

    /**
     * Checks that a key field, of the table or of an index, is stored as S, N or B.
     *
     * @param type the model type
     * @param key the key field
     * @param what which key it is, for the message (e.g. "the partition key")
     * @throws ModelDefinitionException if it is stored as another type
     */
    static void checkKeyType(Class<?> type, Property key, String what) {
        AttributeValue.Type t = key.converter().attributeType();
        if (t != AttributeValue.Type.S
                && t != AttributeValue.Type.N
                && t != AttributeValue.Type.B) {
            throw fail(
                    type,
                    "model %s: field '%s' is %s but is stored as %s: a key must be stored as S, N or B (string, "
                            + "number or binary); use such a type, or a @Convert converter that writes one",
                    type.getName(),
                    key.name(),
                    what,
                    t);
        }
    }

    private static String describe(ProjectionType projection, List<String> include) {
        return include.isEmpty() ? projection.name() : projection.name() + " " + include;
    }

    private static ModelDefinitionException fail(Class<?> type, String format, Object... args) {
        return new ModelDefinitionException(String.format(Locale.ROOT, format, args), type);
    }
}
