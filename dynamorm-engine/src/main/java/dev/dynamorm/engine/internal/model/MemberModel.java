package dev.dynamorm.engine.internal.model;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The metadata of one member of an entity family used as a table model of its own ({@code
 * db.table(Order.class)}): the member's fields and keys, plus the discriminator. Items written
 * carry the member's discriminator value; an item read must carry it too, else the read fails
 * naming the type the item holds (queries and scans of the member filter on the discriminator, so
 * only reads by key can meet another member's item). Immutable.
 */
final class MemberModel<T> implements ModelMetadata<T> {

    private final ModelMetadata<T> member;
    private final Families.Shape family;
    private final Families.Member self;
    private final TypeTag tag;

    /** Where the family's model is found when the table is managed (not at registration). */
    private final FamilyRegistry registry;

    MemberModel(ModelMetadata<T> member, Families.Shape family, FamilyRegistry registry) {
        this.member = member;
        this.registry = registry;
        this.family = family;
        this.self = family.member(member.type());
        this.tag = new TypeTag(family.attribute(), self.tag());
        FamilyModel.checkDiscriminatorFree(family, member);
    }

    /** The discriminator this member's items carry. */
    TypeTag tag() {
        return tag;
    }

    @Override
    public Optional<TypeTag> typeTag() {
        return Optional.of(tag);
    }

    @Override
    public Optional<String> discriminatorAttribute() {
        return Optional.of(tag.attribute());
    }

    /**
     * The family's model (built on first use, so registering a member builds no other member): the
     * table holds every member's indexes.
     */
    @Override
    public ModelMetadata<?> tableModel() {
        Optional<? extends ModelMetadata<?>> family = registry.find(this.family.root());
        return family.isPresent() ? family.get() : this;
    }

    /** The family root. */
    Class<?> familyType() {
        return family.root();
    }

    @Override
    public Class<T> type() {
        return member.type();
    }

    @Override
    public Optional<String> tableName() {
        return member.tableName();
    }

    @Override
    public List<FieldMetadata> fields() {
        return member.fields();
    }

    @Override
    public FieldMetadata field(String javaName) {
        return member.field(javaName);
    }

    @Override
    public FieldMetadata fieldByAttribute(String attributeName) {
        return member.fieldByAttribute(attributeName);
    }

    @Override
    public FieldMetadata partitionKey() {
        return member.partitionKey();
    }

    @Override
    public Optional<FieldMetadata> sortKey() {
        return member.sortKey();
    }

    @Override
    public List<IndexMetadata> indexes() {
        return member.indexes();
    }

    @Override
    public Optional<FieldMetadata> versionField() {
        return member.versionField();
    }

    @Override
    public Optional<FieldMetadata> createdAtField() {
        return member.createdAtField();
    }

    @Override
    public Optional<FieldMetadata> updatedAtField() {
        return member.updatedAtField();
    }

    @Override
    public Optional<FieldMetadata> ttlField() {
        return member.ttlField();
    }

    @Override
    public List<FieldMetadata> encryptedFields() {
        return member.encryptedFields();
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance) {
        return toItem(instance, Operation.PUT);
    }

    @Override
    public Map<String, AttributeValue> toItem(T instance, Operation operation) {
        Map<String, AttributeValue> item = member.toItem(instance, operation);
        item.put(tag.attribute(), AttributeValue.fromS(tag.value()));
        return item;
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item) {
        return fromItem(item, Operation.GET);
    }

    @Override
    public T fromItem(Map<String, AttributeValue> item, Operation operation) {
        AttributeValue stored = item.get(tag.attribute());
        String value = stored == null ? null : stored.s();
        if (!tag.value().equals(value)) {
            Families.Member holder = value == null ? null : family.byTag(value);
            boolean fallbackRead = self.fallback() && (holder == null || self.equals(holder));
            if (!fallbackRead) {
                throw new InvalidRequestException(
                        String.format(
                                Locale.ROOT,
                                "cannot read a stored item as %s: its discriminator attribute '%s' is %s, not '%s'%s; "
                                        + "read mixed items through db.table(%s.class)",
                                member.type().getName(),
                                tag.attribute(),
                                value == null ? "absent" : "'" + value + "'",
                                tag.value(),
                                holder == null || holder.fallback()
                                        ? ""
                                        : " (the item is a " + holder.type().getSimpleName() + ")",
                                family.root().getSimpleName()),
                        operation,
                        member.type(),
                        null);
            }
        }
        return member.fromItem(item, operation);
    }

    @Override
    public String toString() {
        return "MemberModel[" + member.type().getName() + ", " + tag + "]";
    }
}
