package dev.dynamorm.test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts fixture items written in DynamoDB JSON ({@code {"pk": {"S": "a"}, "n": {"N": "1"}}}),
 * the form of the AWS CLI and the DynamoDB console, to attribute maps.
 */
final class RawItems {

    private static final List<String> TYPES =
            List.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL");

    private final String file;

    RawItems(String file) {
        this.file = file;
    }

    /** An item: an object whose values are DynamoDB JSON attribute values. */
    Map<String, AttributeValue> item(FixtureNode node, String table) {
        if (node.kind() != FixtureNode.Kind.OBJECT) {
            throw new FixtureException(
                    file,
                    node.line(),
                    node.column(),
                    "an item of table '"
                            + table
                            + "' must be an object of attributes in DynamoDB JSON, got "
                            + node.describe());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (FixtureNode.Entry entry : node.entries().values()) {
            item.put(entry.key(), value(entry.value(), "attribute '" + entry.key() + "'"));
        }
        return item;
    }

    private AttributeValue value(FixtureNode node, String where) {
        if (node.kind() != FixtureNode.Kind.OBJECT || node.entries().size() != 1) {
            throw new FixtureException(
                    file,
                    node.line(),
                    node.column(),
                    where
                            + " must be a DynamoDB JSON value, an object with one type key such as {\"S\": \"text\"} or"
                            + " {\"N\": \"12\"}, got "
                            + (node.kind() == FixtureNode.Kind.OBJECT
                                    ? "an object with " + node.entries().size() + " keys"
                                    : node.describe())
                            + "; to write items through a model, key the items by the model's name");
        }
        FixtureNode.Entry typed = node.entries().values().iterator().next();
        FixtureNode v = typed.value();
        String type = typed.key();
        switch (type) {
            case "S":
                return AttributeValue.fromS(text(v, where, type, false));
            case "N":
                return AttributeValue.fromN(text(v, where, type, true));
            case "B":
                return AttributeValue.fromB(bytes(v, where));
            case "BOOL":
                if (v.kind() != FixtureNode.Kind.BOOLEAN) {
                    throw wrongType(v, where, type, "true or false");
                }
                return AttributeValue.fromBool(v.booleanValue());
            case "NULL":
                if (v.kind() != FixtureNode.Kind.BOOLEAN || !v.booleanValue()) {
                    throw wrongType(v, where, type, "true");
                }
                return AttributeValue.fromNul(true);
            case "SS":
            case "NS":
            case "BS":
                {
                    if (v.kind() != FixtureNode.Kind.LIST || v.elements().isEmpty()) {
                        throw wrongType(v, where, type, "a non-empty list");
                    }
                    List<String> strings = new ArrayList<>();
                    List<SdkBytes> binaries = new ArrayList<>();
                    for (FixtureNode element : v.elements()) {
                        if (type.equals("BS")) {
                            binaries.add(bytes(element, where));
                        } else {
                            strings.add(text(element, where, type, type.equals("NS")));
                        }
                    }
                    return type.equals("SS")
                            ? AttributeValue.fromSs(strings)
                            : type.equals("NS")
                                    ? AttributeValue.fromNs(strings)
                                    : AttributeValue.fromBs(binaries);
                }
            case "L":
                {
                    if (v.kind() != FixtureNode.Kind.LIST) {
                        throw wrongType(v, where, type, "a list of DynamoDB JSON values");
                    }
                    List<AttributeValue> list = new ArrayList<>();
                    for (int i = 0; i < v.elements().size(); i++) {
                        list.add(value(v.elements().get(i), where + " element " + i));
                    }
                    return AttributeValue.fromL(list);
                }
            case "M":
                {
                    if (v.kind() != FixtureNode.Kind.OBJECT) {
                        throw wrongType(v, where, type, "an object of DynamoDB JSON values");
                    }
                    Map<String, AttributeValue> map = new LinkedHashMap<>();
                    for (FixtureNode.Entry entry : v.entries().values()) {
                        map.put(
                                entry.key(),
                                value(entry.value(), where + " entry '" + entry.key() + "'"));
                    }
                    return AttributeValue.fromM(map);
                }
            default:
                throw new FixtureException(
                        file,
                        typed.line(),
                        typed.column(),
                        where
                                + " has the unknown type key '"
                                + type
                                + "': use one of "
                                + String.join(", ", TYPES)
                                + Names.nearest(type, TYPES)
                                        .map(n -> " (did you mean " + n + "?)")
                                        .orElse(""));
        }
    }

    private String text(FixtureNode v, String where, String type, boolean number) {
        if (v.kind() == FixtureNode.Kind.STRING) {
            if (number) {
                try {
                    new java.math.BigDecimal(v.text().trim());
                } catch (NumberFormatException e) {
                    throw wrongType(v, where, type, "a number");
                }
            }
            return v.text();
        }
        if (number && v.kind() == FixtureNode.Kind.NUMBER) {
            return v.text();
        }
        throw wrongType(v, where, type, number ? "a number (or its text)" : "a string");
    }

    private SdkBytes bytes(FixtureNode v, String where) {
        if (v.kind() == FixtureNode.Kind.STRING) {
            try {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(v.text()));
            } catch (IllegalArgumentException e) {
                // fall through to the error
            }
        }
        throw wrongType(v, where, "B", "base64 text");
    }

    private FixtureException wrongType(FixtureNode v, String where, String type, String expected) {
        return new FixtureException(
                file,
                v.line(),
                v.column(),
                where + " of type " + type + " needs " + expected + ", got " + v.describe());
    }
}
