package dev.dynamorm.engine.internal.write;

import dev.dynamorm.engine.internal.model.FieldMetadata;
import dev.dynamorm.engine.internal.model.ModelMetadata;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which fields of a model a write's returned attributes fill (see {@code WriteResult.itemFields}).
 */
final class ReturnedFields {

    private ReturnedFields() {}

    /**
     * The Java names of the fields read, in model order: every field for a whole item (ALL_OLD,
     * ALL_NEW: it carries the key), else the fields of the returned attributes (UPDATED_OLD,
     * UPDATED_NEW: never the key, which an update cannot change) plus the key fields taken from the
     * request.
     */
    static Set<String> of(
            ModelMetadata<?> model,
            Map<String, AttributeValue> returned,
            Map<String, AttributeValue> key) {
        boolean whole = returned.containsKey(model.partitionKey().attributeName());
        Set<String> fields = new LinkedHashSet<>();
        for (FieldMetadata f : model.fields()) {
            String a = f.attributeName();
            if (whole || returned.containsKey(a) || (key != null && key.containsKey(a))) {
                fields.add(f.name());
            }
        }
        return fields;
    }
}
