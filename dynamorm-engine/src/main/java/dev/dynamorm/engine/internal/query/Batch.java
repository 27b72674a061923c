package dev.dynamorm.engine.internal.query;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One response page: the visible items, the key to continue from, and the counts. */
record Batch(
        List<Map<String, AttributeValue>> items,
        Map<String, AttributeValue> lastKey,
        int count,
        int scanned) {}
