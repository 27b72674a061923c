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
 * <p>Entity families: the decoder of a family ({@code db.table(ShopItem.class)}) builds each image
 * as the member type its discriminator names, so a handler switches on {@code
 * change.newImage().get()}; the decoder of a member ({@code db.table(ShopOrder.class)}) leaves the
 * other members' records out of {@link #decodeAll} (see {@link #accepts}).
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
     * Whether a record is a change of this decoder's model. For a table of an entity family's
     * member ({@code db.table(ShopOrder.class)}) the stream also carries the other members' items:
     * their records are not the member's (a read of the member would refuse them), so they are
     * skipped as a member's queries skip them. True for every other model, and for records that
     * carry no image (a {@code KEYS_ONLY} stream, a {@code REMOVE} on a {@code NEW_IMAGE} stream):
     * their keys cannot tell the members apart, so a member's decoder hands them on with the key
     * only. (A family's decoder refuses such records: give a family's stream {@code
     * NEW_AND_OLD_IMAGES}.)
     *
     * @param record a record of the table's stream
     * @return false when the record holds an item of another member of the model's family
     */
    default boolean accepts(Record record) {
        return true;
    }

    /**
     * Decodes records in order, leaving out those this decoder does not {@link #accepts accept}
     * (items of other members of an entity family).
     *
     * @param records the records
     * @return the changes, in the order of the records
     * @throws IllegalArgumentException as {@link #decode(Record)}
     */
    default List<ChangeEvent<T>> decodeAll(List<Record> records) {
        List<ChangeEvent<T>> out = new ArrayList<>(records.size());
        for (Record r : records) {
            if (accepts(r)) {
                out.add(decode(r));
            }
        }
        return out;
    }
}
