package dev.dynamorm.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Decodes the DynamoDB Streams events AWS Lambda hands to a function, and builds its partial batch
 * response. The event is taken as its JSON tree (a handler declared {@code
 * RequestHandler<Map<String, Object>, Map<String, Object>>}) or as its JSON bytes (a {@code
 * RequestStreamHandler}; needs {@code jackson-core} on the path), so no Lambda library is needed.
 *
 * <pre>{@code
 * public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
 *     return LambdaEvents.process(decoder, event, change -> billing.apply(change));
 * }
 * }</pre>
 *
 * <p>With {@code ReportBatchItemFailures} turned on for the event source mapping, Lambda retries
 * from the first failed record: {@link #process} stops at the first failure and reports its
 * sequence number, so the records after it are not handled twice out of order.
 */
public final class LambdaEvents {
    private LambdaEvents() {}

    /**
     * Handles one change of a Lambda batch.
     *
     * @param <T> the model type
     */
    @FunctionalInterface
    public interface RecordHandler<T> {
        /**
         * Handles a change.
         *
         * @param change the change
         * @throws Exception to report it (and every later record of the batch) as failed
         */
        void handle(ChangeEvent<T> change) throws Exception;
    }

    /**
     * Reads an event's JSON into the tree {@link #records(Map)} takes.
     *
     * @param json the event as Lambda sends it
     * @return the JSON object as maps, lists, strings, numbers and booleans
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException if it is not a JSON object
     * @throws NoClassDefFoundError if jackson-core is not on the path
     */
    public static Map<String, Object> read(InputStream json) {
        Objects.requireNonNull(json, "json");
        try {
            return JsonTree.readObject(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lambda event: " + e.getMessage(), e);
        }
    }

    /**
     * The stream records of a Lambda DynamoDB event, as the SDK's {@link Record}s.
     *
     * @param event the event's JSON tree
     * @return the records, in the order of the event
     * @throws IllegalArgumentException if the event has no {@code Records} list or a record is
     *     malformed (message names the record's index and event id)
     */
    public static List<Record> records(Map<String, ?> event) {
        Objects.requireNonNull(event, "event");
        Object list = event.get("Records");
        if (!(list instanceof List<?> items)) {
            throw new IllegalArgumentException(
                    "not a DynamoDB Streams event: it has no 'Records' list");
        }
        List<Record> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(record(i, items.get(i)));
        }
        return out;
    }

    /**
     * Decodes the changes of a Lambda DynamoDB event.
     *
     * @param decoder the decoder of the source table
     * @param event the event's JSON tree
     * @param <T> the model type
     * @return the changes, in the order of the event
     * @throws IllegalArgumentException as {@link #records(Map)} and {@link
     *     ChangeDecoder#decode(Record)}
     */
    public static <T> List<ChangeEvent<T>> decode(ChangeDecoder<T> decoder, Map<String, ?> event) {
        return decoder.decodeAll(records(event));
    }

    /**
     * Decodes and handles the changes of a Lambda DynamoDB event in order (skipping records the
     * decoder does not {@link ChangeDecoder#accepts accept}), stopping at the first one that cannot
     * be decoded or whose handler throws, and returns Lambda's partial batch response: {@code
     * {"batchItemFailures": [{"itemIdentifier": "<sequence number>"}]}}, with no item when every
     * change was handled.
     *
     * @param decoder the decoder of the source table
     * @param event the event's JSON tree
     * @param handler handles each change
     * @param <T> the model type
     * @return the response to return from the function
     * @throws IllegalArgumentException if the event is malformed (as {@link #records(Map)})
     */
    public static <T> Map<String, Object> process(
            ChangeDecoder<T> decoder, Map<String, ?> event, RecordHandler<T> handler) {
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(handler, "handler");
        List<Map<String, String>> failures = new ArrayList<>();
        for (Record r : records(event)) {
            try {
                if (!decoder.accepts(r)) {
                    continue; // another family member's item: not this model's change
                }
                handler.handle(decoder.decode(r));
            } catch (Exception e) {
                failures.add(Map.of("itemIdentifier", r.dynamodb().sequenceNumber()));
                break;
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("batchItemFailures", failures);
        return response;
    }

    private static Record record(int index, Object json) {
        Map<?, ?> r = object(json, index, null, "record");
        String id = string(r.get("eventID"));
        Map<?, ?> d = object(r.get("dynamodb"), index, id, "'dynamodb'");
        String sequence = string(d.get("SequenceNumber"));
        if (sequence == null) {
            throw malformed(index, id, "has no 'dynamodb.SequenceNumber'");
        }
        StreamRecord.Builder sr = StreamRecord.builder().sequenceNumber(sequence);
        if (d.get("Keys") != null) {
            sr.keys(item(d.get("Keys"), index, id));
        }
        if (d.get("NewImage") != null) {
            sr.newImage(item(d.get("NewImage"), index, id));
        }
        if (d.get("OldImage") != null) {
            sr.oldImage(item(d.get("OldImage"), index, id));
        }
        if (d.get("SizeBytes") instanceof Number size) {
            sr.sizeBytes(size.longValue());
        }
        if (d.get("StreamViewType") != null) {
            sr.streamViewType(string(d.get("StreamViewType")));
        }
        if (d.get("ApproximateCreationDateTime") != null) {
            sr.approximateCreationDateTime(epochSeconds(d.get("ApproximateCreationDateTime")));
        }
        Record.Builder out =
                Record.builder()
                        .eventID(id)
                        .eventName(string(r.get("eventName")))
                        .eventVersion(string(r.get("eventVersion")))
                        .eventSource(string(r.get("eventSource")))
                        .awsRegion(string(r.get("awsRegion")))
                        .dynamodb(sr.build());
        if (r.get("userIdentity") instanceof Map<?, ?> identity) {
            out.userIdentity(
                    Identity.builder()
                            .type(string(identity.get("type")))
                            .principalId(string(identity.get("principalId")))
                            .build());
        }
        return out.build();
    }

    private static Instant epochSeconds(Object value) {
        BigDecimal seconds = new BigDecimal(String.valueOf(value));
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    private static Map<String, AttributeValue> item(Object json, int index, String id) {
        Map<?, ?> m = object(json, index, id, "image");
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), attribute(e.getValue(), index, id));
        }
        return out;
    }

    private static AttributeValue attribute(Object json, int index, String id) {
        Map<?, ?> m = object(json, index, id, "attribute value");
        if (m.size() != 1) {
            throw malformed(
                    index, id, "has an attribute value with " + m.size() + " types: " + m.keySet());
        }
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        Object v = e.getValue();
        return switch (String.valueOf(e.getKey())) {
            case "S" -> AttributeValue.fromS(string(v));
            case "N" -> AttributeValue.fromN(string(v));
            case "B" -> AttributeValue.fromB(bytes(v));
            case "BOOL" -> AttributeValue.fromBool(Boolean.parseBoolean(string(v)));
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(strings(v, index, id));
            case "NS" -> AttributeValue.fromNs(strings(v, index, id));
            case "BS" ->
                    AttributeValue.fromBs(
                            strings(v, index, id).stream().map(LambdaEvents::bytes).toList());
            case "M" -> AttributeValue.fromM(item(v, index, id));
            case "L" ->
                    AttributeValue.fromL(
                            list(v, index, id).stream().map(x -> attribute(x, index, id)).toList());
            default ->
                    throw malformed(
                            index,
                            id,
                            "has an attribute value of unknown type '" + e.getKey() + "'");
        };
    }

    private static SdkBytes bytes(Object base64) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(string(base64)));
    }

    private static List<String> strings(Object json, int index, String id) {
        return list(json, index, id).stream().map(LambdaEvents::string).toList();
    }

    private static List<?> list(Object json, int index, String id) {
        if (json instanceof List<?> l) {
            return l;
        }
        throw malformed(index, id, "has a set or list value that is not a JSON array");
    }

    private static Map<?, ?> object(Object json, int index, String id, String what) {
        if (json instanceof Map<?, ?> m) {
            return m;
        }
        throw malformed(index, id, "has a " + what + " that is not a JSON object");
    }

    private static String string(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    private static IllegalArgumentException malformed(int index, String id, String what) {
        return new IllegalArgumentException(
                String.format(
                        Locale.ROOT,
                        "Lambda event record %d%s %s",
                        index,
                        id == null ? "" : " ('" + id + "')",
                        what));
    }
}
