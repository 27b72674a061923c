package dev.dynamorm.local.internal.streams;

import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stream state as the JSON trees of the data directory's log and snapshot ({@code "t":"stream"}
 * records, and the {@code "streams"} list of an items record).
 */
final class StreamCodec {
    static final String TYPE = "stream";

    private StreamCodec() {}

    static Map<String, Object> header(String op, String arn) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t", TYPE);
        r.put("op", op);
        r.put("arn", arn);
        return r;
    }

    static Map<String, Object> shard(Shard s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", s.id);
        o.put("parent", s.parentId);
        o.put("created", s.createdMillis);
        o.put("start", s.startSequence);
        o.put("end", s.endSequence);
        o.put("closed", s.closedMillis);
        o.put("trimmed", s.trimmedThrough);
        return o;
    }

    static Shard shard(Object tree) {
        Map<String, Object> o = map(tree);
        Shard s =
                new Shard(
                        (String) o.get("id"),
                        (String) o.get("parent"),
                        number(o, "created"),
                        number(o, "start"));
        s.endSequence = number(o, "end");
        s.closedMillis = number(o, "closed");
        s.trimmedThrough = number(o, "trimmed");
        return s;
    }

    /** One record with the stream and shard it belongs to. */
    static Map<String, Object> record(String arn, String shardId, ChangeRecord c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("arn", arn);
        o.put("shard", shardId);
        o.put("seq", c.sequence());
        o.put("id", c.eventId());
        o.put("name", c.eventName());
        o.put("at", c.createdMillis());
        o.put("keys", AttributeCodec.toJson(c.keys()));
        o.put("old", c.oldImage() == null ? null : AttributeCodec.toJson(c.oldImage()));
        o.put("new", c.newImage() == null ? null : AttributeCodec.toJson(c.newImage()));
        o.put("svc", c.byService());
        return o;
    }

    static ChangeRecord record(Map<String, Object> o) {
        String name = (String) o.get("name");
        if (!List.of("INSERT", "MODIFY", "REMOVE").contains(name)) {
            throw new IllegalArgumentException("unknown stream event name " + name);
        }
        return new ChangeRecord(
                number(o, "seq"),
                (String) o.get("id"),
                name,
                number(o, "at"),
                AttributeCodec.item(o.get("keys")),
                image(o.get("old")),
                image(o.get("new")),
                Boolean.TRUE.equals(o.get("svc")));
    }

    private static Map<String, Value> image(Object tree) {
        return tree == null ? null : AttributeCodec.item(tree);
    }

    static List<Object> keySchema(Object tree) {
        return new ArrayList<>((List<?>) tree);
    }

    @SuppressWarnings("unchecked") // JSON objects from LogCodec.parse are maps with string keys
    static Map<String, Object> map(Object tree) {
        if (!(tree instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a JSON object, got " + tree);
        }
        return (Map<String, Object>) tree;
    }

    static long number(Map<String, Object> o, String field) {
        Object v = o.get(field);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("missing number " + field);
        }
        return n.longValue();
    }
}
