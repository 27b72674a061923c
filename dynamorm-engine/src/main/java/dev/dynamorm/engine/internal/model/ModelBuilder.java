package dev.dynamorm.engine.internal.model;

import dev.dynamorm.DynamORMException;
import dev.dynamorm.MissingConverterException;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.Convert;
import dev.dynamorm.annotations.CreatedAt;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.Ignore;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import dev.dynamorm.annotations.UpdatedAt;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.spi.Converter;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.IndexKeySchema;
import dev.dynamorm.spi.schema.ModelSchema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a record or JavaBean by reflection, validates its mapping annotations, resolves converters
 * and builds fast accessors. Every failure is a {@link ModelDefinitionException} naming the class,
 * the field and a fix.
 */
final class ModelBuilder<T> {

    private static final String ANNOTATION_PACKAGE = PartitionKey.class.getPackageName();
    private static final Set<Class<?>> VERSION_TYPES =
            Set.of(int.class, long.class, Integer.class, Long.class);
    private static final Set<Class<?>> TIMESTAMP_TYPES =
            Set.of(
                    Instant.class,
                    OffsetDateTime.class,
                    ZonedDateTime.class,
                    LocalDateTime.class,
                    long.class,
                    Long.class);

    private final Class<T> type;
    private final ConverterRegistry converters;

    /** The table name, or null for a nested-only type. */
    private final String table;

    private final NamingConvention naming;

    /** The generated schema the model is read from, or null to read it by reflection. */
    private final ModelSchema<T> schema;

    ModelBuilder(Class<T> type, ConverterRegistry converters) {
        this.type = type;
        this.converters = converters;
        DynamoTable annotation = Families.tableOf(type); // its own, or its entity family's
        this.table = annotation == null ? null : annotation.value();
        this.naming = annotation == null ? NamingConvention.CAMEL_CASE : annotation.naming();
        this.schema = null;
    }

    /** A builder that reads the model from its generated schema instead of reflection. */
    ModelBuilder(ModelSchema<T> schema, ConverterRegistry converters) {
        this.type = schema.type();
        this.converters = converters;
        this.table = schema.tableName().orElse(null);
        this.naming = schema.naming();
        this.schema = schema;
    }

    // ------------------------------------------------------------------ properties

    /** A Java property as found by reflection, before validation. */
    private static final class Property {
        final String name;
        final Type genericType;
        final List<AnnotatedElement> sources;

        /** Records: the accessor. Beans: the getter, or null to read the field. */
        final Method getter;

        /** Beans: the setter, or null to write the field. */
        final Method setter;

        /** Beans: the field, or null for computed properties. */
        final Field field;

        Property(
                String name,
                Type genericType,
                List<AnnotatedElement> sources,
                Method getter,
                Method setter,
                Field field) {
            this.name = name;
            this.genericType = genericType;
            this.sources = sources;
            this.getter = getter;
            this.setter = setter;
            this.field = field;
        }
    }

    /**
     * The mapping annotations of one property, merged over its sources (field, getter, component).
     */
    private record Mapping(
            boolean ignore,
            boolean partitionKey,
            boolean sortKey,
            String attribute,
            Class<?> convert,
            Converter<?> converterInstance,
            boolean version,
            boolean createdAt,
            boolean updatedAt,
            boolean ttl,
            boolean encrypted,
            List<IndexKeySchema> indexKeys,
            List<String> present) {

        static Mapping read(List<AnnotatedElement> sources) {
            Set<IndexKey> indexKeys = new LinkedHashSet<>();
            Set<String> present = new LinkedHashSet<>();
            for (AnnotatedElement source : sources) {
                indexKeys.addAll(Arrays.asList(source.getAnnotationsByType(IndexKey.class)));
                for (Annotation a : source.getAnnotations()) {
                    if (a.annotationType().getPackageName().equals(ANNOTATION_PACKAGE)) {
                        present.add(
                                "@"
                                        + (a.annotationType()
                                                        == dev.dynamorm.annotations.IndexKeys.class
                                                ? IndexKey.class.getSimpleName()
                                                : a.annotationType().getSimpleName()));
                    }
                }
            }
            Attribute attribute = first(sources, Attribute.class);
            Convert convert = first(sources, Convert.class);
            return new Mapping(
                    has(sources, Ignore.class),
                    has(sources, PartitionKey.class),
                    has(sources, SortKey.class),
                    attribute == null ? null : attribute.value(),
                    convert == null ? null : convert.value(),
                    null,
                    has(sources, Version.class),
                    has(sources, CreatedAt.class),
                    has(sources, UpdatedAt.class),
                    has(sources, Ttl.class),
                    has(sources, Encrypted.class),
                    indexKeys.stream()
                            .map(
                                    k ->
                                            new IndexKeySchema(
                                                    k.index(),
                                                    k.type(),
                                                    k.role(),
                                                    k.projection(),
                                                    List.of(k.include())))
                            .toList(),
                    List.copyOf(present));
        }

        /** The mapping a generated schema declares for one field. */
        static Mapping of(FieldSchema f) {
            return new Mapping(
                    false,
                    f.partitionKey(),
                    f.sortKey(),
                    f.attribute().orElse(null),
                    f.converter().<Class<?>>map(Object::getClass).orElse(null),
                    f.converter().orElse(null),
                    f.version(),
                    f.createdAt(),
                    f.updatedAt(),
                    f.ttl(),
                    f.encrypted(),
                    f.indexKeys(),
                    List.of());
        }

        private static boolean has(List<AnnotatedElement> sources, Class<? extends Annotation> a) {
            return first(sources, a) != null;
        }

        private static <A extends Annotation> A first(List<AnnotatedElement> sources, Class<A> a) {
            for (AnnotatedElement source : sources) {
                A found = source.getAnnotation(a);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    /**
     * Whether a class is a JavaBean the engine can map: a public no-argument constructor and a
     * property.
     */
    static boolean isBean(Class<?> c) {
        if (c.isRecord()
                || c.isInterface()
                || c.isEnum()
                || Modifier.isAbstract(c.getModifiers())) {
            return false;
        }
        try {
            // only whether a public no-argument constructor exists matters
            Constructor<?> unused = c.getConstructor();
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
        try {
            return !beanProperties(c).isEmpty();
        } catch (LinkageError | SecurityException e) {
            return false;
        }
    }

    private static List<Property> schemaProperties(ModelSchema<?> schema) {
        List<Property> out = new ArrayList<>();
        for (FieldSchema f : schema.fields()) {
            out.add(new Property(f.name(), f.type(), List.of(), null, null, null));
        }
        return out;
    }

    private static List<Property> recordProperties(Class<?> type) {
        List<Property> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Method accessor = rc.getAccessor();
            out.add(
                    new Property(
                            rc.getName(),
                            Types.resolve(rc.getGenericType(), type),
                            List.of(rc, accessor),
                            accessor,
                            null,
                            null));
        }
        return out;
    }

    private static List<Property> beanProperties(Class<?> type) {
        // fields, superclasses first
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        Set<String> transientNames = new java.util.HashSet<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                if (Modifier.isTransient(f.getModifiers())) {
                    transientNames.add(f.getName());
                    fields.remove(f.getName());
                    continue;
                }
                fields.remove(f.getName()); // a redeclared field takes the subclass position
                fields.put(f.getName(), f);
            }
        }
        // public getters and setters
        Map<String, Method> getters = new HashMap<>();
        Map<String, List<Method>> setters = new HashMap<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())
                    || m.isBridge()
                    || m.isSynthetic()
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            if (m.getParameterCount() == 0 && m.getReturnType() != void.class) {
                if (n.startsWith("get") && n.length() > 3) {
                    getters.putIfAbsent(decapitalize(n.substring(3)), m);
                } else if (n.startsWith("is")
                        && n.length() > 2
                        && (m.getReturnType() == boolean.class
                                || m.getReturnType() == Boolean.class)) {
                    // getX wins over isX, as for java.beans
                    String p = decapitalize(n.substring(2));
                    Method existing = getters.get(p);
                    if (existing == null || existing.getName().startsWith("is")) {
                        getters.put(p, m);
                    }
                }
            } else if (m.getParameterCount() == 1 && n.startsWith("set") && n.length() > 3) {
                setters.computeIfAbsent(decapitalize(n.substring(3)), k -> new ArrayList<>())
                        .add(m);
            }
        }
        // getXCoordinate() names the property XCoordinate, but Lombok and IDEs generate it for a
        // field xCoordinate
        for (Map<String, ?> accessors : List.of(getters, setters)) {
            for (String p : new ArrayList<>(accessors.keySet())) {
                if (!fields.containsKey(p)) {
                    fields.keySet().stream()
                            .filter(f -> f.equalsIgnoreCase(p) && !accessors.containsKey(f))
                            .findFirst()
                            .ifPresent(f -> rename(accessors, p, f));
                }
            }
        }
        // properties: fields in order, then accessor-only properties by name
        Set<String> names = new LinkedHashSet<>(fields.keySet());
        names.addAll(new TreeSet<>(getters.keySet()));
        List<Property> out = new ArrayList<>();
        for (String name : names) {
            if (transientNames.contains(name)) {
                continue;
            }
            Field field = fields.get(name);
            Method getter = getters.get(name);
            Method setter = null;
            if (getter != null) {
                for (Method s : setters.getOrDefault(name, List.of())) {
                    if (s.getParameterTypes()[0] == getter.getReturnType()) {
                        setter = s;
                        break;
                    }
                }
            } else if (field != null) {
                for (Method s : setters.getOrDefault(name, List.of())) {
                    if (s.getParameterTypes()[0] == field.getType()) {
                        setter = s;
                        break;
                    }
                }
            }
            boolean pair = getter != null && setter != null;
            boolean annotatedField = field != null && annotated(field);
            if (!pair && !annotatedField) {
                continue;
            }
            List<AnnotatedElement> sources = new ArrayList<>(2);
            if (field != null) {
                sources.add(field);
            }
            if (getter != null) {
                sources.add(getter);
            }
            Type generic = getter != null ? getter.getGenericReturnType() : field.getGenericType();
            out.add(
                    new Property(
                            name,
                            Types.resolve(generic, type),
                            List.copyOf(sources),
                            getter,
                            setter,
                            field));
        }
        return out;
    }

    private static <V> void rename(Map<String, V> map, String from, String to) {
        map.put(to, map.remove(from));
    }

    private static boolean annotated(AnnotatedElement e) {
        for (Annotation a : e.getAnnotations()) {
            if (a.annotationType().getPackageName().equals(ANNOTATION_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Like {@code java.beans.Introspector.decapitalize}: {@code Name} → {@code name}, {@code URL}
     * stays.
     */
    static String decapitalize(String s) {
        if (s.length() > 1
                && Character.isUpperCase(s.charAt(0))
                && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------ build

    /** A validated property, ready to become a {@link ReflectiveField}. */
    private record Mapped(
            Property property,
            Mapping mapping,
            String attributeName,
            Converter<Object> converter,
            int slot) {
        String name() {
            return property.name;
        }

        /** Whether both are the same property (a record's equals would compare every component). */
        // one Mapped per mapped property, so identity is the intended comparison (as in byMapped)
        @SuppressWarnings("ReferenceEquality")
        static boolean same(Mapped a, Mapped b) {
            return a == b;
        }
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
        List<Property> properties =
                schema != null
                        ? schemaProperties(schema)
                        : isRecord ? recordProperties(type) : beanProperties(type);

        // per field: annotations, attribute name, converter
        List<Mapped> mapped = new ArrayList<>();
        for (int slot = 0; slot < properties.size(); slot++) {
            Property p = properties.get(slot);
            Mapping m =
                    schema != null
                            ? Mapping.of(schema.fields().get(slot))
                            : Mapping.read(p.sources);
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
            mapped.add(new Mapped(p, m, attributeName(p, m), converter(p, m), slot));
        }
        if (!isRecord && mapped.isEmpty() && table == null) {
            throw fail(
                    "model %s has no mapped fields: add getter and setter pairs, or annotate its fields",
                    type.getName());
        }
        checkLifecycleTypes(mapped);
        checkDuplicateAttributes(mapped);
        for (Mapped f : mapped) {
            Mapping m = f.mapping;
            if (m.encrypted() && (m.version() || m.createdAt() || m.updatedAt() || m.ttl())) {
                throw fail(
                        "model %s: field '%s' is @Encrypted and %s: DynamORM (or DynamoDB, for @Ttl) must read and "
                                + "write that value in plain form; remove @Encrypted",
                        type.getName(),
                        f.name(),
                        m.version()
                                ? "@Version"
                                : m.createdAt()
                                        ? "@CreatedAt"
                                        : m.updatedAt() ? "@UpdatedAt" : "@Ttl");
            }
        }
        if (table == null) {
            for (Mapped f : mapped) {
                if (f.mapping.encrypted()) {
                    throw fail(
                            "model %s: field '%s' is @Encrypted, but %s is stored nested inside another model, "
                                    + "where nothing encrypts it: mark the field of the table model that holds a %s "
                                    + "@Encrypted instead (its whole value is then encrypted)",
                            type.getName(), f.name(), type.getSimpleName(), type.getSimpleName());
                }
            }
        }

        // roles
        Mapped pk = null;
        Mapped sk = null;
        if (table != null) {
            for (Mapped f : mapped) {
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
            if (pk == null) {
                throw fail(
                        "model %s has no @PartitionKey: annotate the field that holds the partition key",
                        type.getName());
            }
            checkTableKey(pk, "partition");
            if (sk != null) {
                checkTableKey(sk, "sort");
            }
        }
        Mapped version = single(mapped, Mapping::version, "@Version");
        Mapped createdAt = single(mapped, Mapping::createdAt, "@CreatedAt");
        Mapped updatedAt = single(mapped, Mapping::updatedAt, "@UpdatedAt");
        Mapped ttl = single(mapped, Mapping::ttl, "@Ttl");

        // accessors and fields
        Accessors access = schema == null ? Accessors.of(type, type) : null;
        List<ReflectiveField> fields = new ArrayList<>(mapped.size());
        IdentityHashMap<Mapped, ReflectiveField> byMapped = new IdentityHashMap<>();
        for (Mapped f : mapped) {
            Property p = f.property;
            Function<Object, Object> getter;
            BiConsumer<Object, Object> setter = null;
            if (schema != null) {
                getter = new SchemaGetter<>(schema, f.slot());
            } else {
                getter = p.getter != null ? access.getter(p.getter) : access.getter(p.field);
            }
            if (!isRecord && schema == null) {
                setter = p.setter != null ? access.setter(p.setter) : access.setter(p.field);
            }
            Mapping m = f.mapping;
            boolean isTable = table != null;
            ReflectiveField field =
                    new ReflectiveField(
                            type,
                            p.name,
                            f.attributeName,
                            p.genericType,
                            f.converter,
                            getter,
                            setter,
                            new ReflectiveField.Roles(
                                    isTable && Mapped.same(f, pk),
                                    isTable && Mapped.same(f, sk),
                                    m.version(),
                                    m.createdAt(),
                                    m.updatedAt(),
                                    m.ttl(),
                                    m.encrypted()),
                            mapValues(p, f.converter));
            fields.add(field);
            byMapped.put(f, field);
        }
        List<IndexMetadata> indexes = table == null ? List.of() : indexes(mapped, byMapped, pk, sk);

        Function<Object[], Object> recordConstructor = null;
        Supplier<Object> beanConstructor = null;
        int[] recordSlots = null;
        Object[] recordDefaults = null;
        if (schema != null) {
            // records and beans alike are created from one array of values, in schema order
            recordConstructor = new SchemaConstructor<>(schema);
            recordDefaults = new Object[properties.size()];
            recordSlots = mapped.stream().mapToInt(Mapped::slot).toArray();
        } else if (isRecord) {
            recordConstructor = access.spreadConstructor(constructor);
            // ignored components are passed null, or zero/false when primitive
            recordDefaults = new Object[properties.size()];
            for (int i = 0; i < recordDefaults.length; i++) {
                recordDefaults[i] =
                        Types.primitiveDefault(Types.raw(properties.get(i).genericType));
            }
            recordSlots = mapped.stream().mapToInt(Mapped::slot).toArray();
        } else {
            beanConstructor = access.noArgConstructor(constructor);
        }
        Map<String, ReflectiveField> byName = new HashMap<>();
        Map<String, ReflectiveField> byAttribute = new HashMap<>();
        List<FieldMetadata> encrypted = new ArrayList<>();
        for (ReflectiveField f : fields) {
            byName.put(f.name(), f);
            byAttribute.put(f.attributeName(), f);
            if (f.isEncrypted()) {
                encrypted.add(f);
            }
        }
        model.complete(
                new ReflectiveModel.Structure(
                        Optional.ofNullable(table),
                        List.copyOf(fields),
                        fields.toArray(new ReflectiveField[0]),
                        Collections.unmodifiableMap(byName),
                        Collections.unmodifiableMap(byAttribute),
                        pk == null ? null : byMapped.get(pk),
                        Optional.ofNullable(sk).map(byMapped::get),
                        List.copyOf(indexes),
                        field(byMapped, version),
                        field(byMapped, createdAt),
                        field(byMapped, updatedAt),
                        field(byMapped, ttl),
                        List.copyOf(encrypted),
                        recordConstructor,
                        recordSlots,
                        recordDefaults,
                        beanConstructor,
                        schema,
                        schema == null ? null : bySlot(properties.size(), mapped, byMapped)));
    }

    /**
     * For a {@code Map<String, V>} field stored as a map attribute, its values by key (so that
     * paths reach them: {@code counts.x}); null for other fields or a value type without converter.
     */
    private MapValues mapValues(Property p, Converter<Object> converter) {
        if (converter.attributeType() != AttributeValue.Type.M
                || !(p.genericType instanceof ParameterizedType pt)
                || !(pt.getRawType() instanceof Class<?> raw)
                || !Map.class.isAssignableFrom(raw)
                || pt.getActualTypeArguments().length != 2
                || pt.getActualTypeArguments()[0] != String.class) {
            return null;
        }
        Type value = pt.getActualTypeArguments()[1];
        Optional<Converter<?>> found;
        try {
            found = converters.find(value);
        } catch (RuntimeException e) {
            return null; // the map's own converter decides whether the model is valid
        }
        @SuppressWarnings("unchecked") // converters are found by the type they convert
        Converter<Object> c = (Converter<Object>) found.orElse(null);
        return c == null ? null : new MapValues(type, p.name, value, c);
    }

    /** The fields by their index in the generated schema (null for none). */
    private static ReflectiveField[] bySlot(
            int size, List<Mapped> mapped, Map<Mapped, ReflectiveField> byMapped) {
        ReflectiveField[] bySlot = new ReflectiveField[size];
        for (Mapped m : mapped) {
            bySlot[m.slot()] = byMapped.get(m);
        }
        return bySlot;
    }

    private static Optional<FieldMetadata> field(Map<Mapped, ReflectiveField> byMapped, Mapped m) {
        return m == null ? Optional.empty() : Optional.of(byMapped.get(m));
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

    @SuppressWarnings("unchecked")
    private Converter<Object> converter(Property p, Mapping m) {
        Class<?> raw = Types.raw(p.genericType);
        if (m.ttl()) {
            if (!EpochSecondsConverter.supports(raw)) {
                throw fail(
                        "model %s: @Ttl field '%s' has type %s: use Instant, OffsetDateTime, ZonedDateTime, long "
                                + "or Long (epoch seconds)",
                        type.getName(), p.name, p.genericType.getTypeName());
            }
            if (m.convert() != null) {
                throw fail(
                        "model %s: @Ttl field '%s' cannot have @Convert: the time-to-live attribute is always "
                                + "stored as epoch seconds; remove @Convert",
                        type.getName(), p.name);
            }
            return EpochSecondsConverter.forType(raw);
        }
        if (m.converterInstance() != null) {
            return checkConverter(m.convert(), p, (Converter<Object>) m.converterInstance());
        }
        if (m.convert() != null) {
            return instantiate(m.convert(), p);
        }
        Optional<Converter<?>> found;
        try {
            found = converters.find(p.genericType);
        } catch (MissingConverterException e) {
            throw e.nestedIn(type, p.name);
        } catch (DynamORMException e) {
            throw e;
        } catch (RuntimeException e) {
            ModelDefinitionException ex =
                    fail(
                            "model %s: field '%s': finding the converter for %s failed: %s",
                            type.getName(), p.name, p.genericType.getTypeName(), e);
            ex.addSuppressed(e);
            throw ex;
        }
        if (found.isEmpty()) {
            throw new MissingConverterException(
                    type, p.name, p.genericType, converters.builtInsPresent());
        }
        return (Converter<Object>) found.get();
    }

    @SuppressWarnings("unchecked")
    private Converter<Object> instantiate(Class<?> converterClass, Property p) {
        if (converterClass.isInterface() || Modifier.isAbstract(converterClass.getModifiers())) {
            throw fail(
                    "model %s: field '%s': @Convert names %s, which is abstract: name a concrete converter class",
                    type.getName(), p.name, converterClass.getName());
        }
        Constructor<?> ctor;
        try {
            ctor = converterClass.getConstructor();
        } catch (NoSuchMethodException e) {
            throw fail(
                    "model %s: field '%s': converter %s has no public no-argument constructor: add one",
                    type.getName(), p.name, converterClass.getName());
        }
        checkConverterType(converterClass, p);
        try {
            return (Converter<Object>) Accessors.of(converterClass, type).newInstance(ctor);
        } catch (ModelDefinitionException e) {
            throw e;
        } catch (Throwable t) {
            ModelDefinitionException ex =
                    fail(
                            "model %s: field '%s': creating converter %s failed: %s",
                            type.getName(), p.name, converterClass.getName(), t);
            ex.addSuppressed(t);
            throw ex;
        }
    }

    /** Checks a {@code @Convert} converter a generated schema created. */
    private Converter<Object> checkConverter(
            Class<?> converterClass, Property p, Converter<Object> converter) {
        checkConverterType(converterClass, p);
        return converter;
    }

    private void checkConverterType(Class<?> converterClass, Property p) {
        Class<?> converts = convertedType(converterClass);
        Class<?> fieldType = Types.wrap(Types.raw(p.genericType));
        if (converts != null
                && converts != Object.class
                && !converts.isAssignableFrom(fieldType)
                && !fieldType.isAssignableFrom(converts)) {
            throw fail(
                    "model %s: field '%s' has type %s but its @Convert converter %s converts %s: use a converter "
                            + "for %s",
                    type.getName(),
                    p.name,
                    p.genericType.getTypeName(),
                    converterClass.getName(),
                    converts.getName(),
                    fieldType.getName());
        }
    }

    /** The {@code T} of {@code Converter<T>} a class implements, or null when unknown. */
    private static Class<?> convertedType(Class<?> converterClass) {
        for (Class<?> c = converterClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type i : c.getGenericInterfaces()) {
                if (i instanceof ParameterizedType pt && pt.getRawType() == Converter.class) {
                    Type arg = Types.resolve(pt.getActualTypeArguments()[0], converterClass);
                    return Types.raw(arg);
                }
            }
        }
        return null;
    }

    private void checkLifecycleTypes(List<Mapped> mapped) {
        for (Mapped f : mapped) {
            Class<?> raw = Types.raw(f.property.genericType);
            if (f.mapping.version() && !VERSION_TYPES.contains(raw)) {
                throw fail(
                        "model %s: @Version field '%s' has type %s: use int, long, Integer or Long",
                        type.getName(), f.name(), f.property.genericType.getTypeName());
            }
            for (String a : new String[] {"@CreatedAt", "@UpdatedAt"}) {
                boolean marked =
                        a.equals("@CreatedAt") ? f.mapping.createdAt() : f.mapping.updatedAt();
                if (marked && !TIMESTAMP_TYPES.contains(raw)) {
                    throw fail(
                            "model %s: %s field '%s' has type %s: use Instant, OffsetDateTime, ZonedDateTime, "
                                    + "LocalDateTime, long or Long (epoch milliseconds)",
                            type.getName(), a, f.name(), f.property.genericType.getTypeName());
                }
            }
        }
    }

    private void checkDuplicateAttributes(List<Mapped> mapped) {
        Map<String, Mapped> seen = new HashMap<>();
        for (Mapped f : mapped) {
            Mapped other = seen.putIfAbsent(f.attributeName, f);
            if (other != null) {
                throw fail(
                        "model %s: fields '%s' and '%s' both map to attribute '%s': rename one with @Attribute",
                        type.getName(), other.name(), f.name(), f.attributeName);
            }
        }
    }

    private void checkTableKey(Mapped key, String role) {
        checkKeyType(key, "the " + role + " key");
        if (key.mapping.encrypted()) {
            throw fail(
                    "model %s: field '%s' is the %s key and cannot be @Encrypted: DynamoDB must read keys in "
                            + "plain form; remove @Encrypted",
                    type.getName(), key.name(), role);
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

    private void checkKeyType(Mapped key, String what) {
        AttributeValue.Type t = key.converter.attributeType();
        if (t != AttributeValue.Type.S
                && t != AttributeValue.Type.N
                && t != AttributeValue.Type.B) {
            throw fail(
                    "model %s: field '%s' is %s but is stored as %s: a key must be stored as S, N or B (string, "
                            + "number or binary); use such a type, or a @Convert converter that writes one",
                    type.getName(), key.name(), what, t);
        }
    }

    private Mapped single(
            List<Mapped> mapped, java.util.function.Predicate<Mapping> marked, String annotation) {
        Mapped found = null;
        for (Mapped f : mapped) {
            if (marked.test(f.mapping)) {
                if (found != null) {
                    throw fail(
                            "model %s has two %s fields, '%s' and '%s': keep at most one",
                            type.getName(), annotation, found.name(), f.name());
                }
                found = f;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ indexes

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

    private List<IndexMetadata> indexes(
            List<Mapped> mapped, Map<Mapped, ReflectiveField> byMapped, Mapped pk, Mapped sk) {
        Map<String, IndexDecl> decls = new LinkedHashMap<>();
        for (Mapped f : mapped) {
            for (IndexKeySchema k : f.mapping.indexKeys()) {
                if (k.index().isBlank()) {
                    throw fail(
                            "model %s: field '%s' has an @IndexKey with an empty index name: name the index",
                            type.getName(), f.name());
                }
                IndexDecl d = decls.computeIfAbsent(k.index(), n -> new IndexDecl(n, k.type(), f));
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
                Mapped f =
                        mapped.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
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
                    included.add(f.attributeName);
                }
            }
            out.add(
                    new ReflectiveIndex(
                            d.name,
                            global,
                            byMapped.get(partition),
                            Optional.ofNullable(d.sort).map(byMapped::get),
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
        if (key.mapping.encrypted()) {
            throw fail(
                    "model %s: field '%s' is the %s key of index '%s' and cannot be @Encrypted: DynamoDB must read "
                            + "index keys in plain form; remove @Encrypted",
                    type.getName(), key.name(), role, d.name);
        }
    }

    private static String describe(ProjectionType projection, List<String> include) {
        return include.isEmpty() ? projection.name() : projection.name() + " " + include;
    }

    private ModelDefinitionException fail(String format, Object... args) {
        return new ModelDefinitionException(String.format(Locale.ROOT, format, args), type);
    }
}
