package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.value.Value;
import java.util.Map;

/** Key and item validation with DynamoDB's error messages. */
final class Keys {
    private Keys() {}

    /** Validates a Key parameter (exactly the primary key attributes). */
    static PrimaryKey key(TableMeta meta, Map<String, Value> key) {
        if (key == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
        }
        KeyDef k = meta.key();
        if (key.size() != k.names().size()) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        Value h = key.get(k.hashName());
        Value r = k.hasRange() ? key.get(k.rangeName()) : null;
        if (h == null
                || !h.type().equals(k.hashType())
                || (k.hasRange() && (r == null || !r.type().equals(k.rangeType())))) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        notEmpty(h, k.hashName());
        if (r != null) {
            notEmpty(r, k.rangeName());
        }
        return new PrimaryKey(h, r);
    }

    private static void notEmpty(Value v, String name) {
        if ((v instanceof Value.S s && s.v().isEmpty())
                || (v instanceof Value.B b && b.v().length() == 0)) {
            throw DynamoException.validation(
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                            + (v instanceof Value.S ? "string" : "binary")
                            + " value. Key: "
                            + name);
        }
    }

    /** Validates a whole item to be written and returns its primary key. */
    static PrimaryKey item(TableMeta meta, Map<String, Value> item, boolean fromUpdate) {
        if (item == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        }
        KeyDef k = meta.key();
        Value h = keyAttribute(item, k.hashName(), k.hashType());
        Value r = k.hasRange() ? keyAttribute(item, k.rangeName(), k.rangeType()) : null;
        if (ItemSize.of(h) > 2048) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (r != null && ItemSize.of(r) > 1024) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
        for (IndexDef idx : meta.indexes()) {
            for (KeyDef.KeyPart part : idx.key().hashParts()) {
                indexAttribute(item, idx, part.name(), part.type(), fromUpdate);
            }
            for (KeyDef.KeyPart part : idx.key().rangeParts()) {
                indexAttribute(item, idx, part.name(), part.type(), fromUpdate);
            }
        }
        meta.vectors().checkItem(item);
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoException.validation(
                    fromUpdate
                            ? "Item size to update has exceeded the maximum allowed size"
                            : "Item size has exceeded the maximum allowed size");
        }
        return new PrimaryKey(h, r);
    }

    private static Value keyAttribute(Map<String, Value> item, String name, String type) {
        Value v = item.get(name);
        if (v == null) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Missing the key "
                            + name
                            + " in the item");
        }
        if (!v.type().equals(type)) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Type mismatch for key "
                            + name
                            + " expected: "
                            + type
                            + " actual: "
                            + v.type());
        }
        notEmpty(v, name);
        return v;
    }

    private static void indexAttribute(
            Map<String, Value> item, IndexDef idx, String name, String type, boolean fromUpdate) {
        Value v = item.get(name);
        if (v == null) {
            return;
        }
        if (!v.type().equals(type)) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Type mismatch for Index Key "
                            + name
                            + " Expected: "
                            + type
                            + " Actual: "
                            + v.type()
                            + " IndexName: "
                            + idx.name());
        }
        if ((v instanceof Value.S s && s.v().isEmpty())
                || (v instanceof Value.B b && b.v().length() == 0)) {
            throw DynamoException.validation(
                    "One or more parameter values are not valid. "
                            + (fromUpdate
                                    ? "The update expression attempted to update a secondary index key to a value that is not supported. "
                                    : "A value specified for a secondary index key is not supported. ")
                            + "The AttributeValue for a key attribute cannot contain an empty "
                            + (v instanceof Value.S ? "string" : "binary")
                            + " value. IndexName: "
                            + idx.name()
                            + ", IndexKey: "
                            + name);
        }
    }
}
