package dev.dynamorm.local.internal.streams;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.value.ItemSize;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import dev.dynamorm.local.internal.wire.Request;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Streams API operations: ListStreams, DescribeStream, GetShardIterator, GetRecords. */
final class StreamsApi {
    private static final Map<String, Object> SERVICE_IDENTITY =
            Map.of("PrincipalId", "dynamodb.amazonaws.com", "Type", "Service");

    private final StreamManager manager;

    StreamsApi(StreamManager manager) {
        this.manager = manager;
    }

    Map<String, Object> handle(String operation, Request r, long now) {
        return switch (operation) {
            case "ListStreams" -> listStreams(r);
            case "DescribeStream" -> describeStream(r, now);
            case "GetShardIterator" -> getShardIterator(r, now);
            case "GetRecords" -> getRecords(r, now);
            default ->
                    throw new DynamoException(
                            "UnknownOperationException",
                            "Operation " + operation + " is not supported by dynamorm-local",
                            400,
                            null);
        };
    }

    private static int limit(Request r, String field, int max) {
        Integer limit = r.integer("Limit");
        if (limit == null) {
            return max;
        }
        if (limit < 1 || limit > max) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + limit
                            + "' at '"
                            + field
                            + "' failed to satisfy constraint: Member must have value "
                            + (limit < 1
                                    ? "greater than or equal to 1"
                                    : "less than or equal to " + max));
        }
        return limit;
    }

    private Map<String, Object> listStreams(Request r) {
        int limit = limit(r, "limit", 100);
        String table = r.string("TableName");
        String start = r.string("ExclusiveStartStreamArn");
        List<Object> out = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Stream s :
                (start == null ? manager.streams : manager.streams.tailMap(start, false))
                        .values()) {
            if (table != null && !table.equals(s.tableName)) {
                continue;
            }
            if (out.size() == limit) {
                more = true;
                break;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("StreamArn", s.arn);
            e.put("TableName", s.tableName);
            e.put("StreamLabel", s.label);
            out.add(e);
            last = s.arn;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Streams", out);
        if (more) {
            result.put("LastEvaluatedStreamArn", last);
        }
        return result;
    }

    private Stream stream(Request r) {
        String arn = r.string("StreamArn");
        if (arn == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'streamArn' failed to satisfy"
                            + " constraint: Member must not be null");
        }
        Stream s = manager.streams.get(arn);
        if (s == null) {
            throw notFound("Requested resource not found: Stream: " + arn + " not found");
        }
        return s;
    }

    private static DynamoException notFound(String message) {
        return new DynamoException("ResourceNotFoundException", message, 400, null);
    }

    private Map<String, Object> describeStream(Request r, long now) {
        Stream s = stream(r);
        int limit = limit(r, "limit", 100);
        String start = r.string("ExclusiveStartShardId");
        List<Object> shards = new ArrayList<>();
        boolean started = start == null;
        String last = null;
        boolean more = false;
        for (Shard sh : s.shards(now)) {
            if (!started) {
                started = sh.id.equals(start);
                continue;
            }
            if (shards.size() == limit) {
                more = true;
                break;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("ShardId", sh.id);
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("StartingSequenceNumber", StreamManager.sequence(sh.startSequence));
            if (!sh.open()) {
                range.put("EndingSequenceNumber", StreamManager.sequence(sh.endSequence));
            }
            d.put("SequenceNumberRange", range);
            if (sh.parentId != null) {
                d.put("ParentShardId", sh.parentId);
            }
            shards.add(d);
            last = sh.id;
        }
        Map<String, Object> desc = new LinkedHashMap<>();
        desc.put("StreamArn", s.arn);
        desc.put("StreamLabel", s.label);
        desc.put("StreamStatus", s.status());
        desc.put("StreamViewType", s.viewType);
        desc.put("CreationRequestDateTime", BigDecimal.valueOf(s.createdMillis, 3));
        desc.put("TableName", s.tableName);
        desc.put("KeySchema", s.keySchema);
        desc.put("Shards", shards);
        if (more) {
            desc.put("LastEvaluatedShardId", last);
        }
        return Map.of("StreamDescription", desc);
    }

    private Map<String, Object> getShardIterator(Request r, long now) {
        Stream s = stream(r);
        String shardId = r.string("ShardId");
        if (shardId == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'shardId' failed to satisfy"
                            + " constraint: Member must not be null");
        }
        String type = r.string("ShardIteratorType");
        if (type == null
                || !List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER")
                        .contains(type)) {
            throw DynamoException.validation(
                    "1 validation error detected: Value "
                            + (type == null ? "null" : "'" + type + "'")
                            + " at 'shardIteratorType' failed to satisfy constraint: Member must "
                            + (type == null
                                    ? "not be null"
                                    : "satisfy enum value set: [AFTER_SEQUENCE_NUMBER,"
                                            + " AT_SEQUENCE_NUMBER, LATEST, TRIM_HORIZON]"));
        }
        Shard sh = s.shard(shardId, now);
        if (sh == null) {
            throw notFound(
                    "Requested resource not found: Shard does not exist: "
                            + shardId
                            + " in stream "
                            + s.arn);
        }
        long position =
                switch (type) {
                    case "TRIM_HORIZON" -> Math.max(sh.startSequence, sh.trimmedThrough + 1);
                    case "LATEST" -> sh.open() ? s.nextSequence() : sh.endSequence + 1;
                    default -> sequencePosition(r, sh, shardId, type);
                };
        return Map.of("ShardIterator", encode(s.arn, sh.id, position, now));
    }

    /** The position an AT_ or AFTER_SEQUENCE_NUMBER iterator starts at. */
    private static long sequencePosition(Request r, Shard sh, String shardId, String type) {
        String text = r.string("SequenceNumber");
        if (text == null) {
            throw DynamoException.validation(
                    "SequenceNumber is required for ShardIteratorType " + type);
        }
        long seq = parseSequence(text);
        if (seq < sh.startSequence || (!sh.open() && seq > sh.endSequence)) {
            throw DynamoException.validation(
                    "Invalid SequenceNumber: " + text + " is not in the range of shard " + shardId);
        }
        if (seq <= sh.trimmedThrough) {
            throw trimmed();
        }
        return type.equals("AT_SEQUENCE_NUMBER") ? seq : seq + 1;
    }

    private static long parseSequence(String text) {
        if (text.length() != 21
                || !text.startsWith("1")
                || !text.chars().allMatch(Character::isDigit)) {
            throw DynamoException.validation(
                    "Invalid SequenceNumber: "
                            + text
                            + " (dynamorm-local sequence numbers are 21 digits)");
        }
        return Long.parseLong(text.substring(1));
    }

    private static DynamoException trimmed() {
        return new DynamoException(
                "TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.",
                400,
                null);
    }

    private Map<String, Object> getRecords(Request r, long now) {
        String iterator = r.string("ShardIterator");
        if (iterator == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'shardIterator' failed to satisfy"
                            + " constraint: Member must not be null");
        }
        int limit = limit(r, "limit", 1000);
        String[] parts = decode(iterator);
        long position = Long.parseLong(parts[2]);
        long created = Long.parseLong(parts[3]);
        long lifetime = manager.settings().iteratorLifetime().toMillis();
        if (now - created > lifetime) {
            throw new DynamoException(
                    "ExpiredIteratorException",
                    "Iterator expired. The iterator was created at time "
                            + Instant.ofEpochMilli(created)
                            + " while right now it's "
                            + Instant.ofEpochMilli(now)
                            + " which is further in the future than the tolerated delay of "
                            + lifetime
                            + " milliseconds.",
                    400,
                    null);
        }
        Stream s = manager.streams.get(parts[0]);
        Shard sh = s == null ? null : s.shard(parts[1], now);
        if (sh == null) {
            throw notFound(
                    "Requested resource not found: Shard does not exist: "
                            + parts[1]
                            + " in stream "
                            + parts[0]);
        }
        if (position <= sh.trimmedThrough) {
            throw trimmed();
        }
        List<ChangeRecord> records = s.read(sh, position, limit);
        List<Object> out = new ArrayList<>(records.size());
        for (ChangeRecord c : records) {
            out.add(render(c, s.viewType));
        }
        long next = records.isEmpty() ? position : records.get(records.size() - 1).sequence() + 1;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Records", out);
        // a closed shard ends once nothing is left to read (an empty one ends at once): its
        // ending sequence number is its starting one, which no record has
        if (sh.open() || (next <= sh.endSequence && !s.read(sh, next, 1).isEmpty())) {
            result.put("NextShardIterator", encode(s.arn, sh.id, next, now));
        }
        return result;
    }

    private Map<String, Object> render(ChangeRecord c, String viewType) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ApproximateCreationDateTime", StreamManager.seconds(c.createdMillis()));
        d.put("Keys", AttributeCodec.toJson(c.keys()));
        long size = ItemSize.of(c.keys());
        if ((viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))
                && c.newImage() != null) {
            d.put("NewImage", AttributeCodec.toJson(c.newImage()));
            size += ItemSize.of(c.newImage());
        }
        if ((viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))
                && c.oldImage() != null) {
            d.put("OldImage", AttributeCodec.toJson(c.oldImage()));
            size += ItemSize.of(c.oldImage());
        }
        d.put("SequenceNumber", StreamManager.sequence(c.sequence()));
        d.put("SizeBytes", size);
        d.put("StreamViewType", viewType);
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("eventID", c.eventId());
        rec.put("eventName", c.eventName());
        rec.put("eventVersion", "1.1");
        rec.put("eventSource", "aws:dynamodb");
        rec.put("awsRegion", manager.region);
        rec.put("dynamodb", d);
        if (c.byService()) {
            rec.put("userIdentity", SERVICE_IDENTITY);
        }
        return rec;
    }

    private static String encode(String arn, String shard, long position, long now) {
        String raw = arn + "|" + shard + "|" + position + "|" + now;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String iterator) {
        try {
            String raw =
                    new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 4) {
                Long.parseLong(parts[2]);
                Long.parseLong(parts[3]);
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw DynamoException.validation("Invalid ShardIterator: " + iterator);
    }
}
