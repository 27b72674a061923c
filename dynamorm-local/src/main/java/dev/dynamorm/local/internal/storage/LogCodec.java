package dev.dynamorm.local.internal.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The log's own JSON encoding: lossless for every Java string (jackson escapes each surrogate on
 * its own, so lone surrogates survive), and read without the length limits a request parser has, so
 * that whatever the engine accepted replays.
 */
final class LogCodec {
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNameLength(Integer.MAX_VALUE)
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .maxNestingDepth(4_000)
                                    .build())
                    .build();

    /** Frame header: payload length then CRC32 of the payload, both big-endian ints. */
    static final int HEADER = 8;

    private LogCodec() {}

    /** Encodes a record as a frame: length, CRC32, JSON payload. */
    static byte[] frame(Map<String, Object> record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(0);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] frame = out.toByteArray();
        int length = frame.length - HEADER;
        CRC32 crc = new CRC32();
        crc.update(frame, HEADER, length);
        putInt(frame, 0, length);
        putInt(frame, 4, (int) crc.getValue());
        return frame;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int getInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    /** True if the CRC32 of {@code length} bytes of {@code b} from {@code at} is {@code crc}. */
    static boolean checksumHolds(byte[] b, int at, int length, int crc) {
        CRC32 c = new CRC32();
        c.update(b, at, length);
        return (int) c.getValue() == crc;
    }

    /** Parses a payload into a JSON object tree. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(byte[] payload) throws IOException {
        try (JsonParser p = FACTORY.createParser(payload)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new IOException("the payload is not a JSON object");
            }
            Object value = read(p, t);
            if (p.nextToken() != null) {
                throw new IOException("trailing content after the JSON object");
            }
            return (Map<String, Object>) value;
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
            default -> throw new IOException("unexpected JSON token " + t);
        }
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
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
            g.writeString(s);
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
        } else {
            throw new IllegalArgumentException("Cannot write " + v.getClass());
        }
    }
}
