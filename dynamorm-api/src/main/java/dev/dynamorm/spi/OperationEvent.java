package dev.dynamorm.spi;

import dev.dynamorm.Operation;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An operation as seen by a {@link Hook}. */
public interface OperationEvent {

    /**
     * The operation.
     *
     * @return the operation
     */
    Operation operation();

    /**
     * The physical table name.
     *
     * @return the table name
     */
    String tableName();

    /**
     * The model class.
     *
     * @return the model class
     */
    Class<?> modelType();

    /**
     * The primary key of the item concerned, for single-item operations.
     *
     * @return the key, or empty
     */
    Optional<Map<String, AttributeValue>> key();
}
