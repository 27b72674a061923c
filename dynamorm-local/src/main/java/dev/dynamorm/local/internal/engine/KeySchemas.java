package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.KeyDef;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a {@code KeySchema} with DynamoDB's rules and wording. A table or local
 * secondary index has one HASH and at most one RANGE element; a global secondary index may have a
 * multi-attribute key: one to four HASH elements followed by up to four RANGE elements.
 */
final class KeySchemas {
    private KeySchemas() {}

    static KeyDef parse(List<Object> schema, Map<String, String> types, boolean multiAttribute) {
        if (schema == null || schema.isEmpty() || (!multiAttribute && schema.size() > 2)) {
            throw DynamoException.validation(
                    schema == null
                            ? "1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null"
                            : "1 validation error detected: Value '"
                                    + schema
                                    + "' at 'keySchema' failed to satisfy constraint: Member must have length "
                                    + (schema.isEmpty()
                                            ? "greater than or equal to 1"
                                            : "less than or equal to 2"));
        }
        List<Request> elements = new ArrayList<>();
        schema.forEach(o -> elements.add(Request.of(o)));
        if (!"HASH".equals(elements.get(0).string("KeyType"))) {
            throw DynamoException.validation(
                    "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (!multiAttribute) {
            return single(elements, types);
        }
        List<KeyDef.KeyPart> hash = new ArrayList<>();
        List<KeyDef.KeyPart> range = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (Request e : elements) {
            String name = e.requiredString("AttributeName");
            String keyType = e.string("KeyType");
            if ("HASH".equals(keyType)) {
                if (!range.isEmpty()) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema");
                }
                hash.add(new KeyDef.KeyPart(name, types.get(name)));
            } else if ("RANGE".equals(keyType)) {
                range.add(new KeyDef.KeyPart(name, types.get(name)));
            } else {
                throw DynamoException.validation(
                        "1 validation error detected: Value '"
                                + keyType
                                + "' at 'keySchema.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
            }
            if (!names.add(name)) {
                throw DynamoException.validation(
                        elements.size() == 2
                                ? "Both the Hash Key and the Range Key element in the KeySchema have the same name"
                                : "The KeySchema contains multiple key attributes with the same name");
            }
            if (!types.containsKey(name)) {
                missing.add(name);
            }
        }
        for (List<KeyDef.KeyPart> parts : List.of(hash, range)) {
            if (parts.size() > KeyDef.MAX_PARTS) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of "
                                + (parts == hash ? "HASH" : "RANGE")
                                + " key attributes");
            }
        }
        requireDefined(missing, types);
        return new KeyDef(hash, range);
    }

    private static KeyDef single(List<Request> elements, Map<String, String> types) {
        String hash = elements.get(0).requiredString("AttributeName");
        String range = null;
        if (elements.size() == 2) {
            Request second = elements.get(1);
            if (!"RANGE".equals(second.string("KeyType"))) {
                throw DynamoException.validation(
                        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            range = second.requiredString("AttributeName");
            if (range.equals(hash)) {
                throw DynamoException.validation(
                        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String n : range == null ? List.of(hash) : List.of(hash, range)) {
            if (!types.containsKey(n)) {
                missing.add(n);
            }
        }
        requireDefined(missing, types);
        return new KeyDef(hash, types.get(hash), range, range == null ? null : types.get(range));
    }

    private static void requireDefined(List<String> missing, Map<String, String> types) {
        if (!missing.isEmpty()) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: "
                            + missing
                            + ", AttributeDefinitions: "
                            + types.keySet());
        }
    }
}
