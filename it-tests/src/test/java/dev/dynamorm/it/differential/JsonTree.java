package dev.dynamorm.it.differential;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain JSON tree (Map, List, String, BigDecimal, Boolean, null) read and written with
 * jackson-core.
 */
final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonTree() {}

    static Object parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            return read(p, p.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                {
                    Map<String, Object> map = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        map.put(name, read(p, p.nextToken()));
                    }
                    return map;
                }
            case START_ARRAY:
                {
                    List<Object> list = new ArrayList<>();
                    JsonToken n;
                    while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                        list.add(read(p, n));
                    }
                    return list;
                }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /** Compact JSON with object keys sorted, so equal trees print equally. */
    static String canonical(Object tree) {
        return write(tree, true, false);
    }

    static String pretty(Object tree) {
        return write(tree, true, true);
    }

    private static String write(Object tree, boolean sorted, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, tree, sorted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object v, boolean sorted) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            Map<String, Object> m =
                    sorted ? new TreeMap<>((Map<String, Object>) map) : (Map<String, Object>) map;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), sorted);
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o, sorted);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Number n) {
            g.writeNumber(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
