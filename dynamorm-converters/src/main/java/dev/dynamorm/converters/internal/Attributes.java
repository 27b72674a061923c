package dev.dynamorm.converters.internal;

import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Shared attribute checks and the wording of conversion errors. */
final class Attributes {

    /** The NULL attribute written for {@code null} elements of lists and map values. */
    static final AttributeValue NUL = AttributeValue.createNul(true);

    private Attributes() {}

    /** Whether an attribute is the DynamoDB NULL. */
    static boolean isNul(AttributeValue attribute) {
        return attribute.type() == AttributeValue.Type.NUL;
    }

    /** Throws unless the attribute has the expected type. */
    static void require(AttributeValue attribute, AttributeValue.Type expected, String target) {
        if (attribute.type() != expected) {
            throw mismatch(attribute, target, expected.name());
        }
    }

    /**
     * The error for an attribute of the wrong type.
     *
     * @param attribute the attribute read
     * @param target the Java type being read, as shown to the user
     * @param expected the accepted attribute types, e.g. {@code "SS or L"}
     */
    static IllegalArgumentException mismatch(
            AttributeValue attribute, String target, String expected) {
        AttributeValue.Type actual = attribute.type();
        return invalid(
                "expected attribute of type %s for %s but got %s",
                expected, target, actual == null ? "no value" : actual.name());
    }

    /** An {@link IllegalArgumentException} with a message formatted in {@link Locale#ROOT}. */
    static IllegalArgumentException invalid(String format, Object... args) {
        return new IllegalArgumentException(String.format(Locale.ROOT, format, args));
    }
}
