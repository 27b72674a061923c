package dev.dynamorm.engine.internal;

import dev.dynamorm.Operation;
import dev.dynamorm.spi.OperationEvent;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The immutable {@link OperationEvent} handed to hooks. */
record Event(Operation operation, String tableName, Class<?> modelType, Optional<Map<String, AttributeValue>> key)
        implements OperationEvent {
}
