package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.Operation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A field of an entity family: one Java name that one or more members map, always to the same
 * attribute, type and roles (the family checks that). Reading it from an instance asks the field of
 * that instance's member, so a member without the field reads null. Immutable.
 */
final class FamilyField implements FieldMetadata {

    /** The field of the first member that declares it: type, converter and roles come from it. */
    private final FieldMetadata first;

    /** The field per member class that declares it. */
    private final Map<Class<?>, FieldMetadata> byMember;

    FamilyField(FieldMetadata first, Map<Class<?>, FieldMetadata> byMember) {
        this.first = first;
        this.byMember = Map.copyOf(byMember);
    }

    /** The field of every member that declares it. */
    java.util.Collection<FieldMetadata> memberFields() {
        return byMember.values();
    }

    /** Whether the member class declares this field. */
    boolean declaredBy(Class<?> member) {
        return byMember.containsKey(member);
    }

    @Override
    public String name() {
        return first.name();
    }

    @Override
    public String attributeName() {
        return first.attributeName();
    }

    @Override
    public Type genericType() {
        return first.genericType();
    }

    @Override
    public Class<?> rawType() {
        return first.rawType();
    }

    @Override
    public Converter<Object> converter() {
        return first.converter();
    }

    @Override
    public Object get(Object instance) {
        for (Class<?> c = instance.getClass(); c != null; c = c.getSuperclass()) {
            FieldMetadata f = byMember.get(c);
            if (f != null) {
                return f.get(instance);
            }
        }
        return null;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        return first.toAttributeValue(value);
    }

    @Override
    public Object fromAttributeValue(AttributeValue value) {
        return first.fromAttributeValue(value);
    }

    @Override
    public AttributeValue toAttributeValue(Object value, Operation operation) {
        return first.toAttributeValue(value, operation);
    }

    @Override
    public Object fromAttributeValue(AttributeValue value, Operation operation) {
        return first.fromAttributeValue(value, operation);
    }

    @Override
    public Optional<ModelMetadata<?>> nestedModel() {
        return first.nestedModel();
    }

    @Override
    public boolean isPartitionKey() {
        return first.isPartitionKey();
    }

    @Override
    public boolean isSortKey() {
        return first.isSortKey();
    }

    @Override
    public boolean isVersion() {
        return first.isVersion();
    }

    @Override
    public boolean isCreatedAt() {
        return first.isCreatedAt();
    }

    @Override
    public boolean isUpdatedAt() {
        return first.isUpdatedAt();
    }

    @Override
    public boolean isTtl() {
        return first.isTtl();
    }

    @Override
    public boolean isUnique() {
        return first.isUnique();
    }

    @Override
    public boolean isEncrypted() {
        return first.isEncrypted();
    }

    @Override
    public List<Class<? extends java.lang.annotation.Annotation>> transforms() {
        return first.transforms();
    }

    @Override
    public String toString() {
        return "family field " + first + " in " + byMember.keySet().size() + " member(s)";
    }
}
