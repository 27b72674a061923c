package dev.dynamorm.local.internal.engine;

import java.util.Map;

/**
 * One parsed PartiQL statement, planned as the ordinary request that runs it: a Query or Scan for
 * {@code SELECT}, a Put for {@code INSERT}, an Update, a Delete, or a ConditionCheck for {@code
 * EXISTS(SELECT ...)}.
 *
 * @param kind what the statement does
 * @param tableName the table it names
 * @param request the equivalent DynamoDB request (wire JSON, with expression placeholders)
 * @param key the full primary key its WHERE clause (or INSERT item) fixes, or null
 * @param get for a SELECT with a full key on the table: the GetItem-shaped request (key and
 *     projection), else null
 * @param filter for such a SELECT with conditions besides the key: a ConditionCheck-shaped request
 *     testing them, else null
 */
record PartiQLStatement(
        Kind kind,
        String tableName,
        Map<String, Object> request,
        Map<String, Object> key,
        Map<String, Object> get,
        Map<String, Object> filter) {

    /** The statement kinds of DynamoDB's PartiQL subset. */
    enum Kind {
        /** {@code SELECT} answered by a Query (partition key fixed). */
        QUERY,
        /** {@code SELECT} answered by a Scan. */
        SCAN,
        INSERT,
        UPDATE,
        DELETE,
        /** {@code EXISTS(SELECT ...)}: a condition check inside a transaction. */
        EXISTS
    }

    /** True for SELECT statements. */
    boolean isRead() {
        return kind == Kind.QUERY || kind == Kind.SCAN;
    }
}
