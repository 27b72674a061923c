package dev.dynamorm.streams;

import dev.dynamorm.Key;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * One change of one item, with its images mapped to the model: what {@link ChangeDecoder} makes of
 * a DynamoDB Streams record or a Lambda event record. Immutable and thread-safe (when the model
 * instances are).
 *
 * <p>Which images are present depends on the stream's view type and the kind: an {@code INSERT} has
 * no old image, a {@code REMOVE} no new image, a {@code KEYS_ONLY} stream neither. A missing image
 * is {@link Optional#empty()}, never a model with null fields.
 *
 * @param <T> the model type
 */
public final class ChangeEvent<T> {
    private final ChangeKind kind;
    private final Key key;
    private final T oldImage;
    private final T newImage;
    private final Supplier<Set<String>> changes;
    // computed on first use: most handlers never ask, and for a MODIFY it costs two conversions
    private volatile Set<String> changedFields; // null until computed
    private final String sequenceNumber;
    private final Instant approximateCreationTime;
    private final boolean expiredByTtl;
    private final String eventId;
    private final long sizeBytes;
    private final StreamViewType viewType;

    ChangeEvent(
            ChangeKind kind,
            Key key,
            T oldImage,
            T newImage,
            Supplier<Set<String>> changes,
            String sequenceNumber,
            Instant approximateCreationTime,
            boolean expiredByTtl,
            String eventId,
            long sizeBytes,
            StreamViewType viewType) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.key = Objects.requireNonNull(key, "key");
        this.oldImage = oldImage;
        this.newImage = newImage;
        this.changes = Objects.requireNonNull(changes, "changes");
        this.sequenceNumber = Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        this.approximateCreationTime = approximateCreationTime;
        this.expiredByTtl = expiredByTtl;
        this.eventId = eventId == null ? "" : eventId;
        this.sizeBytes = sizeBytes;
        this.viewType = viewType;
    }

    /**
     * What the change did.
     *
     * @return the kind
     */
    public ChangeKind kind() {
        return kind;
    }

    /**
     * The key of the changed item, as Java values of the model's key fields.
     *
     * @return the key
     */
    public Key key() {
        return key;
    }

    /**
     * The item before the change.
     *
     * @return the old image, or empty for an {@code INSERT} or when the stream does not record old
     *     images
     */
    public Optional<T> oldImage() {
        return Optional.ofNullable(oldImage);
    }

    /**
     * The item after the change.
     *
     * @return the new image, or empty for a {@code REMOVE} or when the stream does not record new
     *     images
     */
    public Optional<T> newImage() {
        return Optional.ofNullable(newImage);
    }

    /**
     * The names of the model fields whose values differ between the old and the new image (compared
     * after decryption): every field present in the only image of an {@code INSERT} or a {@code
     * REMOVE}. Empty when the stream records neither image, or only one image of a {@code MODIFY}.
     * Computed on the first call (a MODIFY's comparison converts both images), so a handler that
     * does not ask does not pay for it.
     *
     * @return the Java field names, unordered
     */
    public Set<String> changedFields() {
        Set<String> fields = changedFields;
        if (fields == null) {
            // a race computes the same set twice, harmlessly
            fields = Set.copyOf(changes.get());
            changedFields = fields;
        }
        return fields;
    }

    /**
     * The record's sequence number: a decimal string, unique within the stream and increasing
     * within a shard and a key.
     *
     * @return the sequence number
     */
    public String sequenceNumber() {
        return sequenceNumber;
    }

    /**
     * The sequence number as a number, to compare two changes of one key.
     *
     * @return the sequence number
     * @throws NumberFormatException if the sequence number is not decimal
     */
    public BigInteger sequence() {
        return new BigInteger(sequenceNumber);
    }

    /**
     * When the change was approximately made (DynamoDB rounds it).
     *
     * @return the time, or empty when the record does not carry it
     */
    public Optional<Instant> approximateCreationTime() {
        return Optional.ofNullable(approximateCreationTime);
    }

    /**
     * Whether this {@code REMOVE} was made by time-to-live expiry (the record's user identity is
     * the DynamoDB service principal) rather than by a request.
     *
     * @return true for a TTL deletion
     */
    public boolean expiredByTtl() {
        return expiredByTtl;
    }

    /**
     * The record's event id.
     *
     * @return the id, or an empty string when the record has none
     */
    public String eventId() {
        return eventId;
    }

    /**
     * The size of the record in bytes as DynamoDB reports it.
     *
     * @return the size, 0 when unknown
     */
    public long sizeBytes() {
        return sizeBytes;
    }

    /**
     * Which images the stream records.
     *
     * @return the view type, or empty when the record does not say
     */
    public Optional<StreamViewType> viewType() {
        return Optional.ofNullable(viewType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeEvent<?> e
                && kind == e.kind
                && key.equals(e.key)
                && Objects.equals(oldImage, e.oldImage)
                && Objects.equals(newImage, e.newImage)
                && changedFields().equals(e.changedFields())
                && sequenceNumber.equals(e.sequenceNumber)
                && Objects.equals(approximateCreationTime, e.approximateCreationTime)
                && expiredByTtl == e.expiredByTtl
                && eventId.equals(e.eventId)
                && sizeBytes == e.sizeBytes
                && viewType == e.viewType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, key, sequenceNumber, eventId);
    }

    /** Kind, key and sequence number; never the images (they may hold secrets). */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "ChangeEvent[%s %s seq=%s%s]",
                kind,
                key,
                sequenceNumber,
                expiredByTtl ? " ttl" : "");
    }
}
