package dev.dynamorm.engine.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items read so far, with the item a cursor would continue after. */
final class Collected {
    final List<Map<String, AttributeValue>> items = new ArrayList<>();
    long scanned;
    Map<String, AttributeValue> cursorItem;
}
