package dev.dynamorm.local.internal.wire;

import dev.dynamorm.local.internal.error.DynamoException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Typed, validating accessors over a parsed JSON request object. */
public final class Request {
    private final Map<String, Object> body;

    public Request(Map<String, Object> body) {
        this.body = body;
    }

    @SuppressWarnings("unchecked")
    public static Request of(Object tree) {
        if (!(tree instanceof Map)) {
            throw DynamoException.serialization(
                    "Start of structure or map found where not expected");
        }
        return new Request((Map<String, Object>) tree);
    }

    public Map<String, Object> raw() {
        return body;
    }

    public boolean has(String name) {
        return body.get(name) != null;
    }

    public String string(String name) {
        Object v = body.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw DynamoException.serialization("Unexpected value type in payload for " + name);
        }
        return s;
    }

    public String requiredString(String name) {
        String s = string(name);
        if (s == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at '"
                            + lowerFirst(name)
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return s;
    }

    public String string(String name, String dflt) {
        String s = string(name);
        return s == null ? dflt : s;
    }

    public Integer integer(String name) {
        Object v = body.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        throw DynamoException.serialization("NUMBER_VALUE cannot be converted to Integer");
    }

    public Long longValue(String name) {
        Object v = body.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw DynamoException.serialization("NUMBER_VALUE cannot be converted to Long");
    }

    public boolean bool(String name) {
        Object v = body.get(name);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw DynamoException.serialization("Unexpected value type in payload for " + name);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object v = body.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw DynamoException.serialization("Unexpected value type in payload for " + name);
        }
        return (Map<String, Object>) v;
    }

    public Request object(String name) {
        Map<String, Object> m = map(name);
        return m == null ? null : new Request(m);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = body.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            throw DynamoException.serialization("Unexpected value type in payload for " + name);
        }
        return (List<Object>) v;
    }

    public static BigDecimal decimal(Object o) {
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw DynamoException.serialization("Expected a number");
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
