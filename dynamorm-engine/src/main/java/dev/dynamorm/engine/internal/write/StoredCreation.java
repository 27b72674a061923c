package dev.dynamorm.engine.internal.write;

import dev.dynamorm.engine.internal.expr.AttributeValues;
import dev.dynamorm.engine.internal.expr.Conjunction;
import dev.dynamorm.engine.internal.expr.ExpressionBuilder;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a put of an instance without {@code @CreatedAt} found stored before replacing the item:
 * whether the item exists and its creation time. The put writes that creation time back and is
 * conditioned on it still being the stored one, so a concurrent create or delete in between fails
 * the condition instead of being overwritten.
 *
 * @param exists whether an item with the key was stored
 * @param createdAt its {@code @CreatedAt} attribute, or null when it has none
 */
record StoredCreation(boolean exists, AttributeValue createdAt) {

    /**
     * What was read: {@code item} holds at least the key and the creation attribute, or is null.
     */
    static StoredCreation of(Map<String, AttributeValue> item, String createdAtAttribute) {
        if (item == null || item.isEmpty()) {
            return new StoredCreation(false, null);
        }
        return new StoredCreation(true, item.get(createdAtAttribute));
    }

    /** Writes the stored creation time into the attributes to put, if there is one. */
    void fill(Map<String, AttributeValue> attributes, String createdAtAttribute) {
        if (createdAt != null) {
            attributes.put(createdAtAttribute, createdAt);
        }
    }

    /** Adds the condition that the stored item is still as read. */
    void guard(
            Conjunction condition,
            ExpressionBuilder expr,
            String partitionKey,
            String createdAtAttribute) {
        if (!exists) {
            condition.term("attribute_not_exists(" + expr.name(partitionKey) + ")");
        } else if (createdAt == null) {
            condition.term(
                    "attribute_exists("
                            + expr.name(partitionKey)
                            + ") AND attribute_not_exists("
                            + expr.name(createdAtAttribute)
                            + ")");
        } else {
            condition.term(expr.name(createdAtAttribute) + " = " + expr.value(createdAt));
        }
    }

    /**
     * Whether the item returned with a failed condition is still as read: then the failure is the
     * caller's condition or version, not a change between the read and the put.
     */
    boolean matches(Optional<Map<String, AttributeValue>> stored, String createdAtAttribute) {
        if (stored.isEmpty()) {
            return !exists;
        }
        AttributeValue now = stored.get().get(createdAtAttribute);
        return exists
                && (createdAt == null
                        ? now == null
                        : now != null && AttributeValues.same(now, createdAt));
    }
}
