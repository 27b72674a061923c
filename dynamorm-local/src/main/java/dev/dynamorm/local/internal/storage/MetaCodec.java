package dev.dynamorm.local.internal.storage;

import dev.dynamorm.local.internal.engine.IndexDef;
import dev.dynamorm.local.internal.engine.TableMeta;
import dev.dynamorm.local.internal.engine.VectorIndexes;
import dev.dynamorm.local.internal.value.KeyDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Encodes table definitions as JSON trees for the log and snapshots. */
final class MetaCodec {
    private MetaCodec() {}

    static Map<String, Object> encode(TableMeta m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", m.name());
        o.put("id", m.tableId());
        o.put("key", key(m.key()));
        o.put("types", new LinkedHashMap<String, Object>(m.attributeTypes()));
        List<Object> idx = new ArrayList<>();
        for (IndexDef i : m.indexes()) {
            Map<String, Object> io = new LinkedHashMap<>();
            io.put("name", i.name());
            io.put("global", i.global());
            io.put("key", key(i.key()));
            io.put("projection", i.projection());
            io.put("nonKey", new ArrayList<Object>(i.nonKeyAttributes()));
            io.put("read", i.readCapacity());
            io.put("write", i.writeCapacity());
            idx.add(io);
        }
        o.put("indexes", idx);
        o.put("billing", m.billingMode());
        o.put("read", m.readCapacity());
        o.put("write", m.writeCapacity());
        o.put("created", m.createdMillis());
        o.put("ttl", m.ttlAttribute());
        o.put("tags", new LinkedHashMap<String, Object>(m.tags()));
        o.put("deletionProtection", m.deletionProtection());
        if (!m.vectors().isEmpty()) {
            o.put("vectors", m.vectors().toJson());
        }
        return o;
    }

    private static Map<String, Object> key(KeyDef k) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("hash", k.hashName());
        o.put("hashType", k.hashType());
        o.put("range", k.rangeName());
        o.put("rangeType", k.rangeType());
        if (k.multiAttribute()) {
            // the first attributes stay in the fields above so that older readers still parse it
            o.put("hashParts", parts(k.hashParts()));
            o.put("rangeParts", parts(k.rangeParts()));
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    static TableMeta decode(Map<String, Object> o) {
        List<IndexDef> indexes = new ArrayList<>();
        for (Object x : (List<Object>) o.get("indexes")) {
            Map<String, Object> io = (Map<String, Object>) x;
            List<String> nonKey = new ArrayList<>();
            ((List<Object>) io.get("nonKey")).forEach(n -> nonKey.add((String) n));
            indexes.add(
                    new IndexDef(
                            (String) io.get("name"),
                            (Boolean) io.get("global"),
                            key((Map<String, Object>) io.get("key")),
                            (String) io.get("projection"),
                            nonKey,
                            ((Number) io.get("read")).longValue(),
                            ((Number) io.get("write")).longValue()));
        }
        Map<String, String> types = new LinkedHashMap<>();
        ((Map<String, Object>) o.get("types")).forEach((k, v) -> types.put(k, (String) v));
        Map<String, String> tags = new LinkedHashMap<>();
        ((Map<String, Object>) o.get("tags")).forEach((k, v) -> tags.put(k, (String) v));
        return new TableMeta(
                (String) o.get("name"),
                (String) o.get("id"),
                key((Map<String, Object>) o.get("key")),
                types,
                indexes,
                (String) o.get("billing"),
                ((Number) o.get("read")).longValue(),
                ((Number) o.get("write")).longValue(),
                ((Number) o.get("created")).longValue(),
                (String) o.get("ttl"),
                tags,
                Boolean.TRUE.equals(o.get("deletionProtection")),
                VectorIndexes.fromJson(o.get("vectors")));
    }

    private static List<Object> parts(List<KeyDef.KeyPart> parts) {
        List<Object> out = new ArrayList<>();
        parts.forEach(p -> out.add(List.of(p.name(), p.type())));
        return out;
    }

    @SuppressWarnings("unchecked") // decoded JSON: lists of [name, type] pairs
    private static List<KeyDef.KeyPart> parts(Object encoded) {
        List<KeyDef.KeyPart> out = new ArrayList<>();
        for (Object p : (List<Object>) encoded) {
            List<Object> pair = (List<Object>) p;
            out.add(new KeyDef.KeyPart((String) pair.get(0), (String) pair.get(1)));
        }
        return out;
    }

    private static KeyDef key(Map<String, Object> o) {
        if (o.containsKey("hashParts")) {
            return new KeyDef(parts(o.get("hashParts")), parts(o.get("rangeParts")));
        }
        return new KeyDef(
                (String) o.get("hash"),
                (String) o.get("hashType"),
                (String) o.get("range"),
                (String) o.get("rangeType"));
    }
}
