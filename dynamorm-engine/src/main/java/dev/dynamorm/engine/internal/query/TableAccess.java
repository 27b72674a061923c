package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.expr.ValueBinder;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the query engine needs from a table: its model and name, value binding, the plan cache, and
 * running a request through the executor (hooks, retries, error mapping).
 *
 * @param <T> the model type
 */
public interface TableAccess<T> {

    /** The model. */
    ModelMetadata<T> model();

    /** The client requests are sent with. */
    DynamoDbClient client();

    /** The physical table name. */
    String tableName();

    /** Binds Java values to attributes through the converters. */
    ValueBinder values();

    /** The table's plan cache. */
    PlanCache planCache();

    /** Whether DEBUG logs may show attribute values. */
    boolean logAttributeValues();

    /** The key that encrypts cursors, or null when they are plain. */
    default SecretKey cursorKey() {
        return null;
    }

    /** Fails when the model cannot be read (encrypted fields without a plugin). */
    void requireReadable(Operation op);

    /**
     * The attribute name of the {@code @Ttl} field when reads hide expired items, or null when they
     * hide nothing (hiding is off or the model has no TTL field).
     */
    default String hiddenByTtlAttribute() {
        return null;
    }

    /** Whether reads hide this item: hiding is on and its {@code @Ttl} time has passed. */
    default boolean hidden(Map<String, AttributeValue> item) {
        return false;
    }

    /** Runs one request through hooks and retries, mapping SDK errors. */
    <R> R call(Operation op, Map<String, AttributeValue> key, Supplier<R> call);

    /**
     * Sends a request through the executor so plugin hooks see it (and may amend or serve it): like
     * {@link #call} with the request given apart from the call.
     */
    default <Q extends software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest, R> R send(
            Operation op,
            Map<String, AttributeValue> key,
            Q request,
            java.util.function.Function<Q, R> call) {
        return call(op, key, () -> call.apply(request));
    }

    /**
     * {@link #send} of a request of a call accepted on another thread: it starts with what hooks
     * captured there.
     *
     * @param origin the call's origin ({@link #origin}), or null
     */
    default <Q extends software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest, R> R send(
            Operation op,
            Map<String, AttributeValue> key,
            Q request,
            java.util.function.Function<Q, R> call,
            dev.dynamorm.engine.internal.plugin.Event origin) {
        return send(op, key, request, call);
    }

    /**
     * The origin of a call accepted on the calling thread whose requests other threads send ({@code
     * HookChain.origin}), or null when no hook captures anything.
     */
    default dev.dynamorm.engine.internal.plugin.Event origin(Operation op) {
        return null;
    }
}
