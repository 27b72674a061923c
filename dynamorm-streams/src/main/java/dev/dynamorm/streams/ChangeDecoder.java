package dev.dynamorm.streams;

import dev.dynamorm.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Maps DynamoDB Streams records of one table to typed {@link ChangeEvent}s. Images go through the
 * same converters and plugin read transforms as a read of the table ({@link Table#fromImage}), so
 * {@code @Encrypted} fields are decrypted, and refused when no encryption plugin is installed.
 *
 * <pre>{@code
 * ChangeDecoder<Order> decoder = ChangeDecoder.of(db.table(Order.class));
 * for (Record r : streams.getRecords(req).records()) {
 *     ChangeEvent<Order> change = decoder.decode(r);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @param <T> the model type
 */
public interface ChangeDecoder<T> {

    /**
     * A decoder for the records of a table's stream.
     *
     * @param table the table whose stream the records come from
     * @param <T> the model type
     * @return the decoder
     */
    static <T> ChangeDecoder<T> of(Table<T> table) {
        return new TableChangeDecoder<>(Objects.requireNonNull(table, "table"));
    }

    /**
     * Decodes one record.
     *
     * @param record a record from {@code GetRecords} (or built from a Lambda event)
     * @return the change
     * @throws IllegalArgumentException if the record has no {@code dynamodb} section, no keys, no
     *     sequence number, or an event name other than INSERT, MODIFY or REMOVE (message names the
     *     event id)
     * @throws dev.dynamorm.InvalidRequestException if an image does not fit the model or holds
     *     {@code @Encrypted} fields no plugin decrypts
     * @throws dev.dynamorm.PluginException if a plugin's read transform fails (e.g. decryption)
     */
    ChangeEvent<T> decode(Record record);

    /**
     * Decodes records in order.
     *
     * @param records the records
     * @return the changes, in the order of the records
     * @throws IllegalArgumentException as {@link #decode(Record)}
     */
    default List<ChangeEvent<T>> decodeAll(List<Record> records) {
        List<ChangeEvent<T>> out = new ArrayList<>(records.size());
        for (Record r : records) {
            out.add(decode(r));
        }
        return out;
    }
}
