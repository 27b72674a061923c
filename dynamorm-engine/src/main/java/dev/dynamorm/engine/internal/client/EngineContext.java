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
        ValueBinder values,
        Clock clock,
        String tableNamePrefix,
        boolean logAttributeValues,
        Set<Class<? extends Annotation>> transformedFields,
        SecretKey cursorKey) {

    /**
     * The condition compiler of writes' conditions: made per call (it only holds {@link #values()})
     * so that building an engine loads no expression compiler before the first conditional write.
     */
    public ConditionCompiler conditions() {
        return new ConditionCompiler(values);
    }
}
