package dev.dynamorm.local.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dynamorm.local.internal.value.Numbers;
import dev.dynamorm.local.internal.value.StoredItem;
import dev.dynamorm.local.internal.value.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts JSON to and from a plain tree of {@code Map<String,Object>}, {@code List<Object>},
 * String, Number, Boolean and null, using jackson-core streaming.
 */
public final class Json {
    // attribute names may be 65 535 bytes (jackson's default stops at 50 000 chars); longer ones
    // get DynamoDB's validation error rather than a parse error
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            com.fasterxml.jackson.core.StreamReadConstraints.builder()
                                    .maxNameLength(1024 * 1024)
                                    .build())
                    .build();

    private Json() {}

    public static Object parse(byte[] bytes) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new LinkedHashMap<String, Object>();
            }
            Object value = read(p, t);
            if (p.nextToken() != null) {
                throw new IOException("Trailing content after JSON value");
            }
            return value;
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, n));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("Unexpected JSON token " + t);
        }
    }

    /**
     * Long strings without characters JSON must escape are written as raw UTF-8: jackson's
     * per-character escaping loop is the largest cost of answering queries of large items.
     */
    private static void writeString(JsonGenerator g, String s) throws IOException {
        if (s.length() < 24) {
            g.writeString(s);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            // '?' may stand for a lone surrogate that getBytes could not encode: let jackson
            // escape the string instead (it writes each surrogate as \\uXXXX)
            if ((b >= 0 && b < 0x20) || b == '"' || b == '\\' || b == '?') {
                g.writeString(s);
                return;
            }
        }
        g.writeRawUTF8String(utf8, 0, utf8.length);
    }

    /** A tree node holding an item, written straight from its values. */
    public record Item(Map<String, Value> attributes) {}

    private static void writeItem(JsonGenerator g, Map<String, Value> item) throws IOException {
        if (item instanceof StoredItem stored) {
            g.writeStartObject();
            stored.visit(
                    new StoredItem.Visitor() {
                        @Override
                        public void attribute(String name, Value value) throws IOException {
                            g.writeFieldName(name);
                            writeValue(g, value);
                        }

                        @Override
                        public void plainString(String name, byte[] ascii, int offset, int length)
                                throws IOException {
                            // ASCII is UTF-8: the stored bytes go out as they are
                            g.writeFieldName(name);
                            g.writeStartObject();
                            g.writeFieldName("S");
                            g.writeRawUTF8String(ascii, offset, length);
                            g.writeEndObject();
                        }
                    });
            g.writeEndObject();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, Value> e : item.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Value v) throws IOException {
        g.writeStartObject();
        if (v instanceof Value.S s) {
            g.writeFieldName("S");
            writeS(g, s);
        } else if (v instanceof Value.N n) {
            g.writeFieldName("N");
            g.writeString(Numbers.format(n.v()));
        } else if (v instanceof Value.B b) {
            g.writeFieldName("B");
            g.writeString(b.v().base64());
        } else if (v instanceof Value.Bool b) {
            g.writeFieldName("BOOL");
            g.writeBoolean(b.v());
        } else if (v instanceof Value.Null) {
            g.writeFieldName("NULL");
            g.writeBoolean(true);
        } else if (v instanceof Value.SS ss) {
            g.writeFieldName("SS");
            g.writeStartArray();
            for (String s : ss.v()) {
                writeString(g, s);
            }
            g.writeEndArray();
        } else if (v instanceof Value.NS ns) {
            g.writeFieldName("NS");
            g.writeStartArray();
            for (java.math.BigDecimal d : ns.v()) {
                g.writeString(Numbers.format(d));
            }
            g.writeEndArray();
        } else if (v instanceof Value.BS bs) {
            g.writeFieldName("BS");
            g.writeStartArray();
            for (dev.dynamorm.local.internal.value.Bytes b : bs.v()) {
                g.writeString(b.base64());
            }
            g.writeEndArray();
        } else if (v instanceof Value.L l) {
            g.writeFieldName("L");
            g.writeStartArray();
            for (Value e : l.v()) {
                writeValue(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof Value.M m) {
            g.writeFieldName("M");
            writeItem(g, m.v());
        }
        g.writeEndObject();
    }

    private static void writeS(JsonGenerator g, Value.S s) throws IOException {
        if (s.plain()) {
            byte[] ascii = s.v().getBytes(StandardCharsets.ISO_8859_1);
            g.writeRawUTF8String(ascii, 0, ascii.length);
        } else {
            g.writeString(s.v());
        }
    }

    /** Largest output buffer a thread keeps for its next answer; larger ones are dropped. */
    private static final int KEPT_BUFFER = 64 * 1024;

    /**
     * Each thread's output buffer, reused: growing a fresh one to the size of a page of large items
     * was most of the garbage of answering a query.
     */
    // a subclass, not withInitial(Buffer::new): a fresh server initialises this class on a warm-up
    // thread while its main thread runs the JVM's first lambda (see Main.Warmup)
    private static final ThreadLocal<Buffer> BUFFERS = new Buffers();

    private static final class Buffers extends ThreadLocal<Buffer> {
        @Override
        protected Buffer initialValue() {
            return new Buffer();
        }
    }

    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(4096);
        }

        boolean oversized() {
            return buf.length > KEPT_BUFFER;
        }
    }

    public static byte[] write(Object tree) {
        Buffer out = BUFFERS.get();
        out.reset();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        if (out.oversized()) {
            BUFFERS.remove();
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Item item) {
            writeItem(g, item.attributes());
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            writeString(g, s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof BigInteger bi) {
            g.writeNumber(bi);
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(bd);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else {
            throw new IllegalArgumentException("Cannot write " + v.getClass());
        }
    }
}
