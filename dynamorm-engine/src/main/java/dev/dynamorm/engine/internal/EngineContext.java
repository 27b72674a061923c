package dev.dynamorm.engine.internal;

import java.time.Clock;
import javax.crypto.SecretKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The shared, immutable pieces every table of one {@code DynamORM} instance uses; {@code cursorKey}
 * is null when cursors are not encrypted.
 */
record EngineContext(
        DynamoDbClient client,
        Executor executor,
        ConditionCompiler conditions,
        ValueBinder values,
        Clock clock,
        String tableNamePrefix,
        boolean logAttributeValues,
        boolean encryptionAvailable,
        SecretKey cursorKey) {}
