package dev.dynamorm.engine.internal.model;

import dev.dynamorm.ModelDefinitionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sentinel items of {@code @Unique} fields: one item per (attribute, value) in the model's own
 * table, whose partition key (and sort key, if the table has one) is {@code
 * $unique#<attribute>#<value>}. Writes keep them (see the write package's {@code UniqueWrites});
 * scans leave them out by that prefix.
 */
public final class UniqueKeys {

    /** The prefix of every sentinel's key; scans of tables with unique fields filter it out. */
    public static final String PREFIX = "$unique#";

    /** The sentinel attribute holding the key of the item that owns the value. */
    public static final String OWNER = "uniqueOwner";

    private UniqueKeys() {}

    /**
     * The {@code @Unique} fields of a model.
     *
     * @param model a table model
     * @return its unique fields in declaration order, empty for most models
     */
    public static List<FieldMetadata> fields(ModelMetadata<?> model) {
        List<FieldMetadata> out = null;
        for (FieldMetadata f : model.fields()) {
            if (f.isUnique()) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(f);
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    /**
     * The attribute names of a model's {@code @Unique} fields, as {@code ModelInfo} gives them.
     *
     * @param model a table model
     * @return the attribute names in declaration order, unmodifiable, empty for most models
     */
    public static Set<String> attributes(ModelMetadata<?> model) {
        Set<String> out = null;
        for (FieldMetadata f : model.fields()) {
            if (f.isUnique()) {
                if (out == null) {
                    out = new LinkedHashSet<>(4);
                }
                out.add(f.attributeName());
            }
        }
        return out == null ? Set.of() : Collections.unmodifiableSet(out);
    }

    /**
     * Refuses unique fields the sentinels cannot serve.
     *
     * @param model a table model
     * @throws ModelDefinitionException naming the model, the field and the fix
     */
    public static void check(ModelMetadata<?> model) {
        List<FieldMetadata> unique = fields(model);
        if (unique.isEmpty()) {
            return;
        }
        String name = model.type().getName();
        for (FieldMetadata f : unique) {
            if (f.isPartitionKey() || f.isSortKey()) {
                throw fail(
                        model,
                        "model %s: field '%s' is a key and @Unique: a key is unique already, remove @Unique",
                        name,
                        f.name());
            }
            if (f.isEncrypted()) {
                throw fail(
                        model,
                        "model %s: field '%s' is @Unique and transformed by a plugin (%s): its sentinel item's key "
                                + "would hold the plain value; remove one of them",
                        name,
                        f.name(),
                        String.join(
                                ", ",
                                f.transforms().stream()
                                        .map(a -> "@" + a.getSimpleName())
                                        .toList()));
            }
            if (f.isVersion() || f.isCreatedAt() || f.isUpdatedAt() || f.isTtl()) {
                throw fail(
                        model,
                        "model %s: field '%s' is @Unique and managed by DynamORM (version, timestamp or TTL): remove"
                                + " @Unique",
                        name,
                        f.name());
            }
            AttributeValue.Type type = f.attributeType();
            if (type != AttributeValue.Type.S
                    && type != AttributeValue.Type.N
                    && type != AttributeValue.Type.B) {
                throw fail(
                        model,
                        "model %s: @Unique field '%s' is stored as %s; a unique value must be a string, number or"
                                + " binary (S, N or B): give it a converter that writes one",
                        name,
                        f.name(),
                        type);
            }
        }
        requireStringKey(model, model.partitionKey(), "partition", unique.get(0));
        Optional<FieldMetadata> sk = model.sortKey();
        if (sk.isPresent()) {
            requireStringKey(model, sk.get(), "sort", unique.get(0));
        }
    }

    private static void requireStringKey(
            ModelMetadata<?> model, FieldMetadata key, String role, FieldMetadata unique) {
        if (key.attributeType() != AttributeValue.Type.S) {
            throw fail(
                    model,
                    "model %s: @Unique field '%s' needs a table whose keys are strings (its sentinel items have the"
                            + " key '%s<attribute>#<value>'), but %s key '%s' is stored as %s",
                    model.type().getName(),
                    unique.name(),
                    PREFIX,
                    role,
                    key.name(),
                    key.attributeType());
        }
    }

    /**
     * The key value of the sentinel of one value.
     *
     * @param attribute the unique field's attribute name
     * @param value its value as written (S, N or B)
     * @return {@code $unique#<attribute>#<value>}; numbers in canonical form, binaries in base 64
     */
    public static String sentinelKey(String attribute, AttributeValue value) {
        return PREFIX + attribute + "#" + canonical(value);
    }

    /** The value as text: numbers without trailing zeros ({@code 1.50} and {@code 1.5} clash). */
    static String canonical(AttributeValue value) {
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            BigDecimal n = new BigDecimal(value.n()).stripTrailingZeros();
            return n.signum() == 0 ? "0" : n.toPlainString();
        }
        if (value.b() != null) {
            return Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe());
        }
        throw new IllegalArgumentException("not a unique value: " + value);
    }

    private static ModelDefinitionException fail(
            ModelMetadata<?> model, String format, Object... args) {
        return new ModelDefinitionException(String.format(Locale.ROOT, format, args), model.type());
    }
}
