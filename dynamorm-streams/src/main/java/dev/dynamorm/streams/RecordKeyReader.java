package dev.dynamorm.streams;

import dev.dynamorm.Converter;
import dev.dynamorm.Key;
import dev.dynamorm.ModelInfo;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a stream record's {@code Keys} map into the {@link Key} that {@code Table.keyOf} gives for
 * its image: each key attribute through its field's converter, as a read would decode it (keys are
 * never transformed by plugins). Built once per decoder; it saves converting the whole decoded
 * model back to an item per record. Immutable.
 */
final class RecordKeyReader {
    /** Reads nothing: the model's key fields have no converter to read them with. */
    static final RecordKeyReader NONE = new RecordKeyReader(null, null, null, null);

    private final String partitionAttribute;
    private final Converter<?> partition;
    private final String sortAttribute; // null: no sort key
    private final Converter<?> sort;

    private RecordKeyReader(
            String partitionAttribute,
            Converter<?> partition,
            String sortAttribute,
            Converter<?> sort) {
        this.partitionAttribute = partitionAttribute;
        this.partition = partition;
        this.sortAttribute = sortAttribute;
        this.sort = sort;
    }

    /** The reader of a model's keys, or {@link #NONE} when a key field's converter is unknown. */
    static RecordKeyReader of(ModelInfo info) {
        String pk = info.partitionKeyAttribute();
        Converter<?> pkConverter = converter(info, pk);
        if (pkConverter == null) {
            return NONE;
        }
        Optional<String> sk = info.sortKeyAttribute();
        Converter<?> skConverter = sk.isPresent() ? converter(info, sk.get()) : null;
        if (sk.isPresent() && skConverter == null) {
            return NONE;
        }
        return new RecordKeyReader(pk, pkConverter, sk.orElse(null), skConverter);
    }

    /** The converter of the one field stored in {@code attribute}, or null. */
    private static Converter<?> converter(ModelInfo info, String attribute) {
        String field = null;
        for (Map.Entry<String, String> e : info.attributeNames().entrySet()) {
            if (e.getValue().equals(attribute)) {
                if (field != null) {
                    return null; // two fields share the attribute: leave it to the model
                }
                field = e.getKey();
            }
        }
        return field == null ? null : info.converter(field).orElse(null);
    }

    /**
     * The key, or null when this reader cannot tell it (a key attribute is missing, null or does
     * not convert): the caller then takes it from the decoded image, which reports the problem as a
     * read does.
     */
    Key read(Map<String, AttributeValue> keys) {
        if (partition == null) {
            return null;
        }
        Object pk = value(partition, keys.get(partitionAttribute));
        if (pk == null) {
            return null;
        }
        if (sortAttribute == null) {
            return new Key(pk, null);
        }
        Object sk = value(sort, keys.get(sortAttribute));
        return sk == null ? null : new Key(pk, sk);
    }

    private static Object value(Converter<?> converter, AttributeValue value) {
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return null;
        }
        try {
            return converter.fromAttributeValue(value);
        } catch (RuntimeException e) {
            return null; // the image's decoding names the field and the cause
        }
    }
}
