package dev.dynamorm.engine.internal.model;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The metadata of an entity family ({@code db.table(Shop.class)}): every member's items in one
 * table, told apart by the discriminator attribute. Its fields are the union of the members' fields
 * by Java name; a name several members declare must map to the same attribute, type and roles
 * there. Every member declares the same keys, and a lifecycle field ({@code @Version},
 * {@code @CreatedAt}, {@code @UpdatedAt}, {@code @Ttl}) in every member or in none. Immutable.
 */
final class FamilyModel<T> implements ModelMetadata<T> {

    private final Class<T> type;
    private final Families.Shape shape;
    private final Map<Class<?>, MemberModel<?>> members;
    private final Map<String, MemberModel<?>> byTag;
    private final List<FieldMetadata> fields;
    private final Map<String, FieldMetadata> byName;
    private final Map<String, FieldMetadata> byAttribute;
    private final List<IndexMetadata> indexes;

    FamilyModel(Class<T> type, Families.Shape shape, List<MemberModel<?>> memberModels) {
        this.type = type;
        this.shape = shape;
        Map<Class<?>, MemberModel<?>> ms = new LinkedHashMap<>();
        Map<String, MemberModel<?>> tags = new HashMap<>();
        for (MemberModel<?> m : memberModels) {
            ms.put(m.type(), m);
            tags.put(m.tag().value(), m);
        }
        this.members = ms;
        this.byTag = tags;
        // union of fields by Java name, checked for agreement
        Map<String, List<FieldMetadata>> declared = new LinkedHashMap<>();
        Map<String, Map<Class<?>, FieldMetadata>> owners = new HashMap<>();
        Map<String, FieldMetadata> attributeOwner = new HashMap<>();
        for (MemberModel<?> m : memberModels) {
            for (FieldMetadata f : m.fields()) {
                List<FieldMetadata> same =
                        declared.computeIfAbsent(f.name(), k -> new ArrayList<>());
                if (!same.isEmpty()) {
                    checkSame(same.get(0), f);
                }
                FieldMetadata other = attributeOwner.putIfAbsent(f.attributeName(), f);
                if (other != null && !other.name().equals(f.name())) {
                    throw fail(
                            "entity family %s: attribute '%s' is field '%s' in %s but field '%s' in %s: map an "
                                    + "attribute to one Java name in every member",
                            type.getName(),
                            f.attributeName(),
                            other.name(),
                            ownerName(owners, other),
                            f.name(),
                            m.type().getSimpleName());
                }
                same.add(f);
                owners.computeIfAbsent(f.name(), k -> new LinkedHashMap<>()).put(m.type(), f);
            }
        }
        Map<String, FieldMetadata> names = new LinkedHashMap<>();
        Map<String, FieldMetadata> attributes = new HashMap<>();
        for (Map.Entry<String, List<FieldMetadata>> e : declared.entrySet()) {
            FamilyField f = new FamilyField(e.getValue().get(0), owners.get(e.getKey()));
            names.put(f.name(), f);
            attributes.put(f.attributeName(), f);
        }
        this.fields = List.copyOf(names.values());
        this.byName = Map.copyOf(names);
        this.byAttribute = Map.copyOf(attributes);
        checkUniform("partition key", m -> Optional.of(m.partitionKey()), memberModels);
        checkUniform("sort key", ModelMetadata::sortKey, memberModels);
        checkUniform("@Version field", ModelMetadata::versionField, memberModels);
        checkUniform("@CreatedAt field", ModelMetadata::createdAtField, memberModels);
        checkUniform("@UpdatedAt field", ModelMetadata::updatedAtField, memberModels);
        checkUniform("@Ttl field", ModelMetadata::ttlField, memberModels);
        this.indexes = indexes(memberModels);
    }

    private static String ownerName(
            Map<String, Map<Class<?>, FieldMetadata>> owners, FieldMetadata f) {
        Map<Class<?>, FieldMetadata> byMember = owners.get(f.name());
        return byMember == null || byMember.isEmpty()
                ? "another member"
                : byMember.keySet().iterator().next().getSimpleName();
    }

    private void checkSame(FieldMetadata a, FieldMetadata b) {
        String what = null;
        if (!a.attributeName().equals(b.attributeName())) {
            what =
                    String.format(
                            Locale.ROOT,
                            "attributes '%s' and '%s'",
                            a.attributeName(),
                            b.attributeName());
        } else if (!a.genericType().equals(b.genericType())) {
            what =
                    String.format(
                            Locale.ROOT,
                            "types %s and %s",
                            a.genericType().getTypeName(),
                            b.genericType().getTypeName());
        } else if (a.isPartitionKey() != b.isPartitionKey()
                || a.isSortKey() != b.isSortKey()
                || a.isVersion() != b.isVersion()
                || a.isCreatedAt() != b.isCreatedAt()
                || a.isUpdatedAt() != b.isUpdatedAt()
                || a.isTtl() != b.isTtl()
                || a.isUnique() != b.isUnique()
                || a.isEncrypted() != b.isEncrypted()) {
            what = "annotations (key, lifecycle or @Encrypted roles)";
        }
        if (what != null) {
            throw fail(
                    "entity family %s: members map field '%s' differently (%s): give the field the same "
                            + "attribute name, type and annotations in every member, or rename it in one",
                    type.getName(), a.name(), what);
        }
    }

    private void checkUniform(
            String role,
            Function<ModelMetadata<?>, Optional<FieldMetadata>> of,
            List<MemberModel<?>> memberModels) {
        MemberModel<?> first = memberModels.get(0);
        Optional<FieldMetadata> expected = of.apply(first);
        for (MemberModel<?> m : memberModels) {
            Optional<FieldMetadata> actual = of.apply(m);
            if (!expected.map(FieldMetadata::name).equals(actual.map(FieldMetadata::name))) {
                throw fail(
                        "entity family %s: its members disagree on the %s: %s has %s, %s has %s; declare the "
                                + "same %s in every member",
                        type.getName(),
                        role,
                        first.type().getSimpleName(),
                        expected.map(f -> "'" + f.name() + "'").orElse("none"),
                        m.type().getSimpleName(),
                        actual.map(f -> "'" + f.name() + "'").orElse("none"),
                        role);
            }
        }
    }

    private static List<String> names(List<FieldMetadata> fields) {
        return fields.stream().map(FieldMetadata::name).toList();
    }

    private List<IndexMetadata> indexes(List<MemberModel<?>> memberModels) {
        Map<String, IndexMetadata> out = new LinkedHashMap<>();
        for (MemberModel<?> m : memberModels) {
            for (IndexMetadata i : m.indexes()) {
                IndexMetadata seen = out.get(i.name());
                if (seen == null) {
                    out.put(
                            i.name(),
                            new IndexMetadata(
                                    i.name(),
                                    i.global(),
                                    i.partitionKeys().stream()
                                            .map(k -> byName.get(k.name()))
                                            .toList(),
                                    i.sortKeys().stream().map(k -> byName.get(k.name())).toList(),
                                    i.projection(),
                                    i.includedAttributes()));
                } else if (seen.global() != i.global()
                        || !names(seen.partitionKeys()).equals(names(i.partitionKeys()))
                        || !names(seen.sortKeys()).equals(names(i.sortKeys()))
                        || seen.projection() != i.projection()
                        || !seen.includedAttributes().equals(i.includedAttributes())) {
                    throw fail(
                            "entity family %s: members declare index '%s' differently (%s in one, %s in %s): "
                                    + "declare it with the same key fields and projection in every member",
                            type.getName(), i.name(), seen, i, m.type().getSimpleName());
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * Fails when a member maps a field to the family's discriminator attribute.
     *
     * @throws ModelDefinitionException naming the member, the field and the attribute
     */
    static void checkDiscriminatorFree(Families.Shape family, ModelMetadata<?> member) {
        FieldMetadata clash = member.fieldByAttribute(family.attribute());
        if (clash != null) {
            throw Families.fail(
                    member.type(),
                    "member %s of entity family %s maps field '%s' to attribute '%s', the family's "
                            + "discriminator: rename the attribute with @Attribute, or choose another "
                            + "discriminator with @DynamoTable(discriminator = \"...\")",
                    member.type().getName(),
                    family.root().getName(),
                    clash.name(),
                    family.attribute());
        }
    }

    @Override
    public Optional<String> discriminatorAttribute() {
        return Optional.of(shape.attribute());
    }

    /** The member models, in {@code permits} order. */
    List<MemberModel<?>> members() {
        return List.copyOf(members.values());
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public Optional<String> tableName() {
        return Optional.of(shape.table().value());
    }

    @Override
    public List<FieldMetadata> fields() {
        return fields;
    }

    @Override
    public FieldMetadata field(String javaName) {
        return byName.get(javaName);
    }

    @Override
    public FieldMetadata fieldByAttribute(String attributeName) {
        return byAttribute.get(attributeName);
    }

    @Override
    public FieldMetadata partitionKey() {
        return byName.get(first().partitionKey().name());
    }

    @Override
    public Optional<FieldMetadata> sortKey() {
        return first().sortKey().map(f -> byName.get(f.name()));
    }

    @Override
    public List<IndexMetadata> indexes() {
        return indexes;
    }

    @Override
    public Optional<FieldMetadata> versionField() {
        return first().versionField().map(f -> byName.get(f.name()));
    }

    @Override
    public Optional<FieldMetadata> createdAtField() {
        return first().createdAtField().map(f -> byName.get(f.name()));
    }

    @Override
    public Optional<FieldMetadata> updatedAtField() {
        return first().updatedAtField().map(f -> byName.get(f.name()));
    }

    @Override
    public Optional<FieldMetadata> ttlField() {
        return first().ttlField().map(f -> byName.get(f.name()));
    }

    @Override
    public List<FieldMetadata> encryptedFields() {
        return fields.stream().filter(FieldMetadata::isEncrypted).toList();
    }

    private MemberModel<?> first() {
        return members.values().iterator().next();
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance) {
        return toItem(instance, Operation.PUT);
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance, Operation operation) {
        Objects.requireNonNull(instance, "instance");
        return toItemOf(memberOf(instance, operation), instance, operation);
    }

    @SuppressWarnings("unchecked") // the member model of the instance's own class
    private static <M> Map<String, AttributeValue> toItemOf(
            MemberModel<M> member, Object instance, Operation operation) {
        return member.toItem((M) instance, operation);
    }

    private MemberModel<?> memberOf(Object instance, Operation operation) {
        for (Class<?> c = instance.getClass(); c != null; c = c.getSuperclass()) {
            MemberModel<?> m = members.get(c);
            if (m != null) {
                return m;
            }
        }
        throw new InvalidRequestException(
                String.format(
                        Locale.ROOT,
                        "%s is not a member of entity family %s (members: %s)",
                        instance.getClass().getName(),
                        type.getName(),
                        members.keySet().stream().map(Class::getSimpleName).toList()),
                operation,
                type,
                null);
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item) {
        return fromItem(item, Operation.GET);
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item, Operation operation) {
        Objects.requireNonNull(item, "item");
        AttributeValue stored = item.get(shape.attribute());
        String value = stored == null ? null : stored.s();
        MemberModel<?> member = value == null ? null : byTag.get(value);
        if (member == null) {
            Families.Member fallback = value == null ? null : shape.byTag(value);
            if (fallback == null) {
                fallback =
                        shape.members().stream()
                                .filter(Families.Member::fallback)
                                .findFirst()
                                .orElse(null);
            }
            if (fallback == null) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot read a stored item as entity family %s: its discriminator "
                                        + "attribute '%s' is %s, which names no member (known values: %s); add a "
                                        + "member with @Discriminator(\"...\") or mark one @Discriminator(fallback = "
                                        + "true)",
                                type.getName(),
                                shape.attribute(),
                                stored == null
                                        ? "absent"
                                        : value == null ? "not a string" : "'" + value + "'",
                                shape.tags()),
                        operation,
                        type,
                        null);
            }
            member = members.get(fallback.type());
        }
        return type.cast(member.fromItem(item, operation));
    }

    private ModelDefinitionException fail(String format, Object... args) {
        return Families.fail(type, format, args);
    }

    @Override
    public String toString() {
        return "FamilyModel[" + type.getName() + ", members=" + members.keySet() + "]";
    }
}
