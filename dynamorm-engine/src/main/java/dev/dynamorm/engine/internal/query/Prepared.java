package dev.dynamorm.engine.internal.query;

import dev.dynamorm.Operation;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A compiled plan with one query's values, fingerprint and start key. */
// the fingerprint is a byte array as the digest returns it; a Prepared is never compared or
// hashed
@SuppressWarnings("ArrayRecordComponent")
record Prepared(
        CompiledPlan plan,
        Map<String, AttributeValue> values,
        byte[] fingerprint,
        Map<String, AttributeValue> start) {
    Operation op() {
        return plan.operation();
    }
}
