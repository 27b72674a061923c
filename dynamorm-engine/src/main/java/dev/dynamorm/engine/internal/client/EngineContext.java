package dev.dynamorm.engine.internal.client;

import dev.dynamorm.engine.internal.expr.ConditionCompiler;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.Set;
import javax.crypto.SecretKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The shared, immutable pieces every table of one {@code DynamORM} instance uses; {@code cursorKey}
 * is null when cursors are not encrypted; {@code transformedFields} are the field annotations the
 * installed hooks transform ({@code Hook.transformedFields()}).
 */
public record EngineContext(
        DynamoDbClient client,
        Executor executor,
        ConditionCompiler conditions,
        ValueBinder values,
        Clock clock,
        String tableNamePrefix,
        boolean logAttributeValues,
        Set<Class<? extends Annotation>> transformedFields,
        SecretKey cursorKey) {}
