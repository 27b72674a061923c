package dev.dynamorm.streams;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Table;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** {@link ChangeDecoder} over a table: images through {@link Table#fromImage}. */
final class TableChangeDecoder<T> implements ChangeDecoder<T> {
    /** The principal DynamoDB records as the user identity of a time-to-live deletion. */
    static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

    private final Table<T> table;
    // computed on first use (once per decoder, not per record): the model's description
    private volatile ModelInfo info;
    private volatile RecordKeyReader keys;
    private volatile RawImageDiff diff;
    private volatile Map<String, String> fieldNames;

    TableChangeDecoder(Table<T> table) {
        this.table = table;
    }

    Table<T> table() {
        return table;
    }

    @Override
    public ChangeEvent<T> decode(Record record) {
        Objects.requireNonNull(record, "record");
        StreamRecord sr = record.dynamodb();
        String id = record.eventID();
        if (sr == null) {
            throw invalid(id, "has no 'dynamodb' section");
        }
        ChangeKind kind = kind(record.eventNameAsString(), id);
        if (sr.sequenceNumber() == null || sr.sequenceNumber().isEmpty()) {
            throw invalid(id, "has no sequence number");
        }
        Map<String, AttributeValue> oldItem = sr.hasOldImage() ? sr.oldImage() : null;
        Map<String, AttributeValue> newItem = sr.hasNewImage() ? sr.newImage() : null;
        T oldImage = oldItem == null ? null : table.fromImage(oldItem);
        T newImage = newItem == null ? null : table.fromImage(newItem);
        Key key;
        if (newImage != null || oldImage != null) {
            // the record's Keys hold the image's key attributes: read them rather than converting
            // the whole model back to an item
            key = sr.hasKeys() ? keys().read(sr.keys()) : null;
            if (key == null) {
                key = table.keyOf(newImage != null ? newImage : oldImage);
            }
        } else if (sr.hasKeys() && !sr.keys().isEmpty()) {
            key = keyOnly(sr.keys(), id);
        } else {
            throw invalid(id, "has neither keys nor images");
        }
        return new ChangeEvent<>(
                kind,
                key,
                oldImage,
                newImage,
                () -> changed(oldItem, newItem, oldImage, newImage),
                sr.sequenceNumber(),
                sr.approximateCreationDateTime(),
                kind == ChangeKind.REMOVE && isTtl(record.userIdentity()),
                id,
                sr.sizeBytes() == null ? 0 : sr.sizeBytes(),
                sr.streamViewType());
    }

    /**
     * The key of a record without images. An entity family's keys do not say which member the item
     * is: a member's decoder takes it as its own (it cannot tell), a family's refuses it.
     */
    private Key keyOnly(Map<String, AttributeValue> keys, String id) {
        ModelInfo info = info();
        Optional<String> discriminator = info.discriminatorAttribute();
        if (discriminator.isEmpty() || keys.containsKey(discriminator.get())) {
            return table.keyOf(table.fromImage(keys));
        }
        Optional<String> member = info.discriminatorValue();
        if (member.isEmpty()) {
            throw invalid(
                    id,
                    "has no image (a KEYS_ONLY stream, or an image the view type leaves out), so"
                            + " its keys do not tell which member of entity family "
                            + info.type().getName()
                            + " the item is; give the table's stream the NEW_AND_OLD_IMAGES view"
                            + " type, whose every record carries an image");
        }
        Map<String, AttributeValue> tagged = new HashMap<>(keys);
        tagged.put(discriminator.get(), AttributeValue.fromS(member.get()));
        return table.keyOf(table.fromImage(tagged));
    }

    /**
     * False only when this decoder's model is a member of an entity family and the record's image
     * holds an item of another member, which a read of the member would refuse.
     */
    @Override
    public boolean accepts(Record record) {
        Objects.requireNonNull(record, "record");
        Optional<String> own = info().discriminatorValue();
        StreamRecord sr = record.dynamodb();
        if (own.isEmpty() || sr == null) {
            return true;
        }
        Map<String, AttributeValue> image =
                sr.hasNewImage() ? sr.newImage() : sr.hasOldImage() ? sr.oldImage() : null;
        if (image == null) {
            return true;
        }
        String attribute = info().discriminatorAttribute().orElseThrow();
        AttributeValue stored = image.get(attribute);
        if (stored != null && own.get().equals(stored.s())) {
            return true;
        }
        // another member's tag (or none): only a fallback member reads such an item
        try {
            table.fromImage(image);
            return true;
        } catch (InvalidRequestException e) {
            return false;
        }
    }

    private Set<String> changed(
            Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem,
            T oldImage,
            T newImage) {
        if (oldImage != null && newImage != null) {
            Set<String> raw = diff().changed(oldItem, newItem);
            if (raw != null) {
                return raw;
            }
        }
        Map<String, String> names = fieldNames();
        Set<String> out = new HashSet<>();
        if (oldImage != null && newImage != null) {
            // compare the converted models, not the raw images: encrypted values differ per write
            Map<String, AttributeValue> before = table.toItem(oldImage);
            Map<String, AttributeValue> after = table.toItem(newImage);
            Set<String> attributes = new HashSet<>(before.keySet());
            attributes.addAll(after.keySet());
            for (String a : attributes) {
                if (!Objects.equals(before.get(a), after.get(a))) {
                    out.add(names.getOrDefault(a, a));
                }
            }
        } else if (oldItem != null || newItem != null) {
            for (String a : (newItem != null ? newItem : oldItem).keySet()) {
                String field = names.get(a);
                if (field != null) {
                    out.add(field);
                }
            }
        }
        return out;
    }

    /** Attribute name to Java field name. */
    private Map<String, String> fieldNames() {
        Map<String, String> names = fieldNames;
        if (names == null) {
            names = new HashMap<>();
            for (Map.Entry<String, String> e : info().attributeNames().entrySet()) {
                names.put(e.getValue(), e.getKey());
            }
            fieldNames = names;
        }
        return names;
    }

    /** The model's description ({@code Table.modelInfo()} builds a new one per call). */
    private ModelInfo info() {
        ModelInfo i = info;
        if (i == null) {
            i = table.modelInfo();
            info = i;
        }
        return i;
    }

    private RecordKeyReader keys() {
        RecordKeyReader k = keys;
        if (k == null) {
            k = RecordKeyReader.of(info());
            keys = k;
        }
        return k;
    }

    private RawImageDiff diff() {
        RawImageDiff d = diff;
        if (d == null) {
            d = RawImageDiff.of(info());
            diff = d;
        }
        return d;
    }

    static boolean isTtl(Identity identity) {
        return identity != null
                && "Service".equals(identity.type())
                && TTL_PRINCIPAL.equals(identity.principalId());
    }

    private static ChangeKind kind(String eventName, String id) {
        ChangeKind kind =
                eventName == null
                        ? null
                        : switch (eventName) {
                            case "INSERT" -> ChangeKind.INSERT;
                            case "MODIFY" -> ChangeKind.MODIFY;
                            case "REMOVE" -> ChangeKind.REMOVE;
                            default -> null;
                        };
        if (kind != null) {
            return kind;
        }
        throw invalid(id, "has event name '" + eventName + "'; expected INSERT, MODIFY or REMOVE");
    }

    private static IllegalArgumentException invalid(String id, String what) {
        return new IllegalArgumentException(
                String.format(Locale.ROOT, "stream record '%s' %s", id, what));
    }
}
