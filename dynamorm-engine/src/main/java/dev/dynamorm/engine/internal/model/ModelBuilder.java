package dev.dynamorm.engine.internal.model;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.ModelSchema;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a record or JavaBean by reflection (or its generated schema), validates its mapping
 * annotations and builds the model with fast accessors; properties are found by {@link Property},
 * converters resolved by {@link FieldConverters} and indexes gathered by {@link
 * IndexMetadata#gather}. Every failure is a {@link ModelDefinitionException} naming the class, the
 * field and a fix.
 */
final class ModelBuilder<T> {

    private final Class<T> type;
    private final FieldConverters fieldConverters;

    /** The table name, or null for a nested-only type. */
    private final String table;

    private final NamingConvention naming;

    /** The generated schema the model is read from, or null to read it by reflection. */
    private final ModelSchema<T> schema;

    ModelBuilder(Class<T> type, ConverterRegistry converters) {
        this.type = type;
        this.fieldConverters = new FieldConverters(type, converters);
        DynamoTable annotation = FamilyRegistry.tableOf(type); // its own, or its entity family's
        this.table = annotation == null ? null : annotation.value();
        this.naming = annotation == null ? NamingConvention.CAMEL_CASE : annotation.naming();
        this.schema = null;
    }

    /** A builder that reads the model from its generated schema instead of reflection. */
    ModelBuilder(ModelSchema<T> schema, ConverterRegistry converters) {
        this.type = schema.type();
        this.fieldConverters = new FieldConverters(type, converters);
        this.table = schema.tableName().orElse(null);
        this.naming = schema.naming();
        this.schema = schema;
    }

    void buildInto(ReflectiveModel<T> model) {
        checkKind();
        if (table != null && table.isBlank()) {
            throw fail(
                    "model %s has an empty table name in @DynamoTable: give the table a name",
                    type.getName());
        }
        boolean isRecord = type.isRecord();
        Constructor<?> constructor = schema == null ? constructor(isRecord) : null;
        // a generated schema's fields become properties while they are mapped (one pass)
        List<FieldSchema> schemaFields = schema != null ? schema.fields() : null;
        List<Property> properties =
                schema != null
                        ? null
                        : isRecord
                                ? Introspector.recordProperties(type)
                                : Introspector.beanProperties(type);
        int count = schemaFields != null ? schemaFields.size() : properties.size();

        // per field: annotations, attribute name, converter
        List<Property> mapped = new ArrayList<>(count);
        // the mapped fields whose mapping is not Mapping.PLAIN (a generated field without rename,
        // converter, role, transform or index key, which no check below can refuse): the checks
        // run over these only, in the same order (every reflective field is one of them)
        List<Property> marked = new ArrayList<>();
        // whether any field holds a single-field role (@Version, @CreatedAt, @UpdatedAt, @Ttl), a
        // transform, an index key or @Unique, learnt while mapping: the checks of those are
        // skipped for models without them rather than run over every field (cold, interpreted
        // code)
        boolean roles = false;
        boolean transformed = false;
        boolean indexed = false;
        boolean unique = false;
        for (int slot = 0; slot < count; slot++) {
            Property p;
            Mapping m;
            if (schemaFields != null) {
                FieldSchema f = schemaFields.get(slot);
                p = Property.of(f);
                m = Mapping.of(f);
            } else {
                p = properties.get(slot);
                m = Introspector.mapping(p.sources);
            }
            if (m.plain()) {
                p.map(m, naming.apply(p.name), fieldConverters.converter(p, m), slot);
                mapped.add(p);
                continue;
            }
            if (m.ignore()) {
                if (m.present().size() > 1) {
                    throw ignoredWithOthers(p, m);
                }
                continue;
            }
            if (!isRecord
                    && schema == null
                    && p.getter == null
                    && p.setter == null
                    && Modifier.isFinal(p.field.getModifiers())) {
                throw fail(
                        "model %s: field '%s' is final and has no setter, so it cannot be read back: make it "
                                + "non-final or add a setter",
                        type.getName(), p.name);
            }
            p.map(m, attributeName(p, m), fieldConverters.converter(p, m), slot);
            mapped.add(p);
            marked.add(p);
            roles |= m.version() || m.createdAt() || m.updatedAt() || m.ttl();
            transformed |= m.encrypted();
            indexed |= !m.indexKeys().isEmpty();
            unique |= m.unique();
        }
        if (!isRecord && mapped.isEmpty() && table == null) {
            throw fail(
                    "model %s has no mapped fields: add getter and setter pairs, or annotate its fields",
                    type.getName());
        }
        if (roles) {
            checkLifecycleTypes(marked);
        }
        if (schema == null) {
            // a generated schema's processor refused the same mistake at compile time; a
            // hand-written schema's duplicate is refused below, when the fields are indexed by name
            checkDuplicateAttributes(mapped);
        }
        for (int i = 0; transformed && i < marked.size(); i++) {
            Property f = marked.get(i);
            Mapping m = f.mapping;
            if (m.encrypted() && (m.version() || m.createdAt() || m.updatedAt() || m.ttl())) {
                throw fail(
                        "model %s: field '%s' is %s and %s: DynamORM (or DynamoDB, for @Ttl) must read and "
                                + "write that value in plain form; remove %s",
                        type.getName(),
                        f.name(),
                        m.transformNames(),
                        m.version()
                                ? "@Version"
                                : m.createdAt()
                                        ? "@CreatedAt"
                                        : m.updatedAt() ? "@UpdatedAt" : "@Ttl",
                        m.transformNames());
            }
        }
        if (table == null && transformed) {
            for (Property f : marked) {
                if (f.mapping.encrypted()) {
                    throw fail(
                            "model %s: field '%s' is %s, but %s is stored nested inside another model, "
                                    + "where no plugin transforms it: mark the field of the table model that holds a %s "
                                    + "%s instead (its whole value is then transformed)",
                            type.getName(),
                            f.name(),
                            f.mapping.transformNames(),
                            type.getSimpleName(),
                            type.getSimpleName(),
                            f.mapping.transformNames());
                }
            }
        }

        // roles
        Property pk = null;
        Property sk = null;
        if (table != null) {
            for (Property f : marked) {
                if (f.mapping.partitionKey() && f.mapping.sortKey()) {
                    throw fail(
                            "model %s: field '%s' is annotated with both @PartitionKey and @SortKey: a field holds "
                                    + "one key role; use two fields",
                            type.getName(), f.name());
                }
                if (f.mapping.partitionKey()) {
                    if (pk != null) {
                        throw fail(
                                "model %s has two @PartitionKey fields, '%s' and '%s': keep exactly one",
                                type.getName(), pk.name(), f.name());
                    }
                    pk = f;
                }
                if (f.mapping.sortKey()) {
                    if (sk != null) {
                        throw fail(
                                "model %s has two @SortKey fields, '%s' and '%s': keep at most one",
                                type.getName(), sk.name(), f.name());
                    }
                    sk = f;
                }
            }
            if (pk == null && !KeyTemplates.templatedPartitionKey(type, schema)) {
                throw fail(
                        "model %s has no @PartitionKey: annotate the field that holds the partition key",
                        type.getName());
            }
            if (pk != null) {
                checkTableKey(pk, "partition");
            }
            if (sk != null) {
                checkTableKey(sk, "sort");
            }
        }
        Property version = roles ? single(marked, Role.VERSION) : null;
        Property createdAt = roles ? single(marked, Role.CREATED_AT) : null;
        Property updatedAt = roles ? single(marked, Role.UPDATED_AT) : null;
        Property ttl = roles ? single(marked, Role.TTL) : null;

        // accessors and fields
        Accessors access = schema == null ? Accessors.of(type, type) : null;
        List<ReflectiveField> fields = new ArrayList<>(mapped.size());
        // the field of each property by its slot (null when not mapped): an array rather than a map
        // keyed by Property, which costs a hash per field on this cold path
        ReflectiveField[] bySlot = new ReflectiveField[count];
        int[] mappedSlots = new int[mapped.size()];
        Map<String, ReflectiveField> byName = new HashMap<>(capacity(mapped.size()));
        // null while every field's attribute is its Java name (camelCase, no @Attribute: most
        // models), when byName answers attribute lookups too: one map to fill instead of two
        Map<String, ReflectiveField> byAttribute = null;
        List<FieldMetadata> encrypted = transformed ? new ArrayList<>() : List.of();
        boolean isTable = table != null;
        for (int i = 0, n = mapped.size(); i < n; i++) {
            Property p = mapped.get(i);
            Function<Object, Object> getter;
            BiConsumer<Object, Object> setter = null;
            if (schema != null) {
                getter = new SchemaGetter<>(schema, p.slot);
            } else {
                getter = p.getter != null ? access.getter(p.getter) : access.getter(p.field);
            }
            if (!isRecord && schema == null) {
                setter = p.setter != null ? access.setter(p.setter) : access.setter(p.field);
            }
            Mapping m = p.mapping;
            ReflectiveField.Roles fieldRoles = ReflectiveField.Roles.NONE;
            // a plain mapping holds no role (and is neither key: both are marked)
            if (!m.plain()) {
                boolean isPk = isTable && p == pk;
                boolean isSk = isTable && p == sk;
                boolean isUnique = isTable && m.unique();
                if (isPk
                        || isSk
                        || isUnique
                        || m.version()
                        || m.createdAt()
                        || m.updatedAt()
                        || m.ttl()
                        || m.encrypted()) {
                    fieldRoles =
                            new ReflectiveField.Roles(
                                    isPk,
                                    isSk,
                                    m.version(),
                                    m.createdAt(),
                                    m.updatedAt(),
                                    m.ttl(),
                                    m.transforms(),
                                    isUnique);
                }
            }
            ReflectiveField field =
                    new ReflectiveField(
                            type,
                            p.name,
                            p.attributeName,
                            p.rawType,
                            p.reflectedType,
                            p.schema,
                            p.converter,
                            getter,
                            setter,
                            fieldRoles,
                            fieldConverters.mapValueConverter(p, p.converter));
            mappedSlots[fields.size()] = p.slot;
            bySlot[p.slot] = field;
            ReflectiveField other = byName.put(field.name(), field);
            if (byAttribute == null && !field.attributeName().equals(field.name())) {
                byAttribute = new HashMap<>(capacity(mapped.size()));
                for (ReflectiveField earlier : fields) {
                    byAttribute.put(earlier.attributeName(), earlier);
                }
            }
            fields.add(field);
            if (byAttribute != null) {
                other = byAttribute.put(field.attributeName(), field);
            }
            // another field of the same attribute (while byAttribute is null, every attribute is
            // its field's name, so another field of the same name is one)
            if (other != null) {
                // only a hand-written schema gets here (see checkDuplicateAttributes above)
                throw fail(
                        "model %s: fields '%s' and '%s' both map to attribute '%s': rename one with @Attribute",
                        type.getName(), other.name(), field.name(), field.attributeName());
            }
            if (transformed && field.isEncrypted()) {
                encrypted.add(field);
            }
        }
        // without an index key there is no index: nothing to gather
        List<IndexMetadata> indexes =
                table == null || !indexed
                        ? List.of()
                        : IndexMetadata.gather(type, mapped, bySlot, pk, sk);

        Function<Object[], Object> recordConstructor = null;
        Supplier<Object> beanConstructor = null;
        int[] recordSlots = null;
        Object[] recordDefaults = null;
        if (schema != null) {
            // records and beans alike are created from one array of values, in schema order
            recordConstructor = SchemaGetter.constructor(schema);
            recordDefaults = new Object[count];
            recordSlots = mappedSlots;
        } else if (isRecord) {
            recordConstructor = access.spreadConstructor(constructor);
            // ignored components are passed null, or zero/false when primitive
            recordDefaults = new Object[properties.size()];
            for (int i = 0; i < recordDefaults.length; i++) {
                recordDefaults[i] = Types.primitiveDefault(properties.get(i).rawType);
            }
            recordSlots = mappedSlots;
        } else {
            beanConstructor = access.noArgConstructor(constructor);
        }
        Map<String, ReflectiveField> names = Collections.unmodifiableMap(byName);
        model.complete(
                Optional.ofNullable(table),
                List.copyOf(fields),
                fields.toArray(new ReflectiveField[0]),
                names,
                byAttribute == null ? names : Collections.unmodifiableMap(byAttribute),
                pk == null ? null : bySlot[pk.slot],
                sk == null ? Optional.empty() : Optional.of(bySlot[sk.slot]),
                List.copyOf(indexes),
                field(bySlot, version),
                field(bySlot, createdAt),
                field(bySlot, updatedAt),
                field(bySlot, ttl),
                List.copyOf(encrypted),
                recordConstructor,
                recordSlots,
                recordDefaults,
                beanConstructor,
                schema,
                schema == null ? null : bySlot,
                table != null && unique);
    }

    /** The initial capacity of a {@code HashMap} that holds {@code n} entries without resizing. */
    private static int capacity(int n) {
        return n * 4 / 3 + 1;
    }

    private static Optional<FieldMetadata> field(ReflectiveField[] bySlot, Property m) {
        return m == null ? Optional.empty() : Optional.of(bySlot[m.slot]);
    }

    private void checkKind() {
        String kind = null;
        if (type.isPrimitive()) {
            kind = "a primitive type";
        } else if (type.isArray()) {
            kind = "an array type";
        } else if (type.isAnnotation()) {
            kind = "an annotation type";
        } else if (type.isInterface()) {
            kind = "an interface";
        } else if (type.isEnum()
                || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
            kind = "an enum";
        } else if (Modifier.isAbstract(type.getModifiers())) {
            kind = "an abstract class";
        }
        if (kind != null) {
            throw fail(
                    "model %s is %s: a model must be a record, or a concrete class with a public no-argument "
                            + "constructor and getters and setters",
                    type.getName(), kind);
        }
    }

    private Constructor<?> constructor(boolean isRecord) {
        if (isRecord) {
            Class<?>[] types =
                    Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw fail("model %s has no canonical constructor", type.getName());
            }
        }
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            String hint =
                    type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())
                            ? " (it is an inner class: make it static)"
                            : "";
            throw fail(
                    "model %s has no public no-argument constructor%s: add one, or make it a record",
                    type.getName(), hint);
        }
    }

    private ModelDefinitionException ignoredWithOthers(Property p, Mapping m) {
        List<String> others = new ArrayList<>(m.present());
        others.remove("@Ignore");
        return fail(
                "model %s: field '%s' is annotated with @Ignore and %s: an ignored field is not mapped, so "
                        + "remove @Ignore or the other annotations",
                type.getName(), p.name, String.join(", ", others));
    }

    private String attributeName(Property p, Mapping m) {
        if (m.attribute() != null) {
            String name = m.attribute();
            if (name.isBlank()) {
                throw fail(
                        "model %s: field '%s' has an empty @Attribute name: give the attribute a name or remove "
                                + "@Attribute",
                        type.getName(), p.name);
            }
            return name;
        }
        return naming.apply(p.name);
    }

    private void checkLifecycleTypes(List<Property> mapped) {
        for (Property f : mapped) {
            Mapping m = f.mapping;
            // most fields hold no lifecycle role: nothing to compute for them (cold code, per
            // field)
            if (!m.version() && !m.createdAt() && !m.updatedAt()) {
                continue;
            }
            Class<?> raw = f.rawType;
            if (m.version() && !isVersionType(raw)) {
                throw fail(
                        "model %s: @Version field '%s' has type %s: use int, long, Integer or Long",
                        type.getName(), f.name(), f.genericType().getTypeName());
            }
            if (m.createdAt() && !isTimestampType(raw)) {
                throw timestampType(f, "@CreatedAt");
            }
            if (m.updatedAt() && !isTimestampType(raw)) {
                throw timestampType(f, "@UpdatedAt");
            }
        }
    }

    private ModelDefinitionException timestampType(Property f, String annotation) {
        return fail(
                "model %s: %s field '%s' has type %s: use Instant, OffsetDateTime, ZonedDateTime, "
                        + "LocalDateTime, long or Long (epoch milliseconds)",
                type.getName(), annotation, f.name(), f.genericType().getTypeName());
    }

    private static boolean isVersionType(Class<?> raw) {
        return raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class;
    }

    // compared one by one (not a constant set) so that the time classes are loaded only for a
    // field that is marked
    private static boolean isTimestampType(Class<?> raw) {
        return raw == Instant.class
                || raw == OffsetDateTime.class
                || raw == ZonedDateTime.class
                || raw == LocalDateTime.class
                || raw == long.class
                || raw == Long.class;
    }

    private void checkDuplicateAttributes(List<Property> mapped) {
        Map<String, Property> seen = new HashMap<>(capacity(mapped.size()));
        for (Property f : mapped) {
            Property other = seen.putIfAbsent(f.attributeName(), f);
            if (other != null) {
                throw fail(
                        "model %s: fields '%s' and '%s' both map to attribute '%s': rename one with @Attribute",
                        type.getName(), other.name(), f.name(), f.attributeName());
            }
        }
    }

    private void checkTableKey(Property key, String role) {
        IndexMetadata.checkKeyType(type, key, "the " + role + " key");
        if (key.mapping.encrypted()) {
            throw fail(
                    "model %s: field '%s' is the %s key and cannot be %s: DynamoDB must read keys in "
                            + "plain form; remove %s",
                    type.getName(),
                    key.name(),
                    role,
                    key.mapping.transformNames(),
                    key.mapping.transformNames());
        }
        if (key.mapping.version() || key.mapping.updatedAt()) {
            throw fail(
                    "model %s: field '%s' is the %s key and cannot be %s: a key never changes once written",
                    type.getName(),
                    key.name(),
                    role,
                    key.mapping.version() ? "@Version" : "@UpdatedAt");
        }
    }

    /** A role a single field may hold. */
    private enum Role {
        VERSION("@Version"),
        CREATED_AT("@CreatedAt"),
        UPDATED_AT("@UpdatedAt"),
        TTL("@Ttl");

        final String annotation;

        Role(String annotation) {
            this.annotation = annotation;
        }

        // an if chain: a switch on the enum would load a synthetic switch-map class
        boolean marks(Mapping m) {
            if (this == VERSION) {
                return m.version();
            }
            if (this == CREATED_AT) {
                return m.createdAt();
            }
            return this == UPDATED_AT ? m.updatedAt() : m.ttl();
        }
    }

    // a role rather than a Predicate: a method reference spins a hidden class at first use
    private Property single(List<Property> mapped, Role role) {
        Property found = null;
        for (Property f : mapped) {
            if (role.marks(f.mapping)) {
                if (found != null) {
                    throw fail(
                            "model %s has two %s fields, '%s' and '%s': keep at most one",
                            type.getName(), role.annotation, found.name(), f.name());
                }
                found = f;
            }
        }
        return found;
    }

    private ModelDefinitionException fail(String format, Object... args) {
        return new ModelDefinitionException(String.format(Locale.ROOT, format, args), type);
    }
}
