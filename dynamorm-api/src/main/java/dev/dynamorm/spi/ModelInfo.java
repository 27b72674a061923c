package dev.dynamorm.spi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A registered model as plugins see it: its table, key attributes, fields and encrypted attributes.
 */
public interface ModelInfo {

    /**
     * The model class.
     *
     * @return the class
     */
    Class<?> type();

    /**
     * The physical table name (with the configured prefix).
     *
     * @return the table name
     */
    String tableName();

    /**
     * The partition key's attribute name.
     *
     * @return the attribute name
     */
    String partitionKeyAttribute();

    /**
     * The sort key's attribute name.
     *
     * @return the attribute name, or empty when the table has no sort key
     */
    Optional<String> sortKeyAttribute();

    /**
     * The top-level fields: Java field name to attribute name, in declaration order.
     *
     * @return the fields
     */
    Map<String, String> attributeNames();

    /**
     * Attribute names of the fields annotated {@code @Encrypted}: their values must never be logged
     * or copied in clear.
     *
     * @return the attribute names, possibly empty
     */
    Set<String> encryptedAttributes();

    /**
     * The attribute name of the {@code @Version} field.
     *
     * @return the attribute name, or empty when the model is not versioned
     */
    default Optional<String> versionAttribute() {
        return Optional.empty();
    }
}
