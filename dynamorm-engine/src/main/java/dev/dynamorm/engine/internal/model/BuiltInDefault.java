package dev.dynamorm.engine.internal.model;

import dev.dynamorm.Converter;
import dev.dynamorm.internal.PlainText;
import dev.dynamorm.spi.schema.SchemaTypes;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.chrono.IsoChronology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stands in for the built-in converter of a common field type (String, long, int, boolean, double,
 * Instant, an enum, List/Set of String, Map of String to String) when nothing but the built-in
 * provider can answer for it: the field is registered without loading that converter (a dozen
 * classes for the first model), and its values are read and written here for the well-formed case
 * (the same attributes and values as the built-in converter). Anything else (a malformed attribute,
 * a string with an unpaired surrogate, a non-finite double, an empty set, a value of another type)
 * goes to the real converter, found through the registry at its first need, so that values, errors
 * and their wording stay the built-in converter's. {@link ReflectiveField#converter()} hands out
 * this stand-in, so keys, conditions, updates and plugins convert through it with the same results.
 * The number and instant text rules are the built-in converters' own ({@link PlainText}); {@code
 * BuiltInDefaultTest} holds the stand-in and the converters to the same output.
 *
 * <p>Immutable but for the resolved converter, which any thread may set: the registry answers a
 * type with one converter (or equal ones), and converters are safely published (final fields).
 */
final class BuiltInDefault implements Converter<Object> {

    static final int NONE = -1;
    static final int STRING = 0;
    static final int LONG = 1;
    static final int INT = 2;
    static final int BOOLEAN = 3;
    static final int DOUBLE = 4;
    static final int INSTANT = 5;
    static final int STRING_LIST = 6;
    static final int STRING_SET = 7;
    static final int STRING_MAP = 8;

    /**
     * An enum: one stand-in per enum type, not one per kind (see the registry's builtInDefault).
     */
    static final int ENUM = 9;

    static final int KINDS = 10;

    /** What the read methods return when the attribute is left to the real converter. */
    static final Object NOT_PLAIN = new Object();

    private final int kind;

    /** The field type's class; for the collection kinds, see {@link #type()}. */
    private final Class<?> raw;

    private final ConverterRegistry registry;

    private Converter<Object> resolved;

    BuiltInDefault(int kind, Class<?> raw, ConverterRegistry registry) {
        this.kind = kind;
        this.raw = raw;
        this.registry = registry;
    }

    /** The kind of a field type whose built-in converter this class can stand in for, or NONE. */
    static int kindOf(Type t) {
        if (t instanceof Class<?>) {
            if (t == String.class) {
                return STRING;
            }
            if (t == long.class) {
                return LONG;
            }
            if (t == int.class) {
                return INT;
            }
            if (t == boolean.class) {
                return BOOLEAN;
            }
            if (t == double.class) {
                return DOUBLE;
            }
            if (t == Instant.class) {
                return INSTANT;
            }
            return ((Class<?>) t).isEnum() ? ENUM : NONE;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return kindOf(raw, Arrays.asList(p.getActualTypeArguments()));
        }
        return NONE;
    }

    /**
     * The kind of a parameterized type given as its raw class and type arguments (a generated
     * field's, without making its generic type), or NONE.
     */
    static int kindOf(Class<?> raw, List<? extends Type> arguments) {
        if (raw == List.class && arguments.size() == 1 && arguments.get(0) == String.class) {
            return STRING_LIST;
        }
        if (raw == Set.class && arguments.size() == 1 && arguments.get(0) == String.class) {
            return STRING_SET;
        }
        if (raw == Map.class
                && arguments.size() == 2
                && arguments.get(0) == String.class
                && arguments.get(1) == String.class) {
            return STRING_MAP;
        }
        return NONE;
    }

    int kind() {
        return kind;
    }

    /**
     * The field type, made at its first need for the collection kinds (the registry finds the real
     * converter by it): a field's registration makes no {@code List<String>} type.
     */
    private Type type() {
        return switch (kind) {
            case STRING_LIST, STRING_SET -> SchemaTypes.parameterized(raw, String.class);
            case STRING_MAP -> SchemaTypes.parameterized(raw, String.class, String.class);
            default -> raw;
        };
    }

    /** The built-in converter this stands in for, found at the first call. */
    @SuppressWarnings("unchecked") // converters are found by the type they convert
    private Converter<Object> resolved() {
        Converter<Object> c = resolved;
        if (c == null) {
            // the built-in provider answers every kind (the registry holds no other provider)
            c = (Converter<Object>) registry.find(type()).orElseThrow();
            resolved = c;
        }
        return c;
    }

    @Override
    public AttributeValue toAttributeValue(Object value) {
        AttributeValue plain = value == null ? null : write(kind, value);
        return plain != null ? plain : resolved().toAttributeValue(value);
    }

    @Override
    public Object fromAttributeValue(AttributeValue attribute) {
        Object plain =
                attribute == null
                        ? NOT_PLAIN
                        : kind == ENUM ? readEnum(attribute) : read(kind, attribute);
        return plain != NOT_PLAIN ? plain : resolved().fromAttributeValue(attribute);
    }

    /**
     * The constant an {@code S} names, as the built-in converter reads it; {@link #NOT_PLAIN} for
     * anything else (another type, an unknown name), whose error the converter words.
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // the type is an enum (kindOf)
    private Object readEnum(AttributeValue a) {
        if (a.type() != AttributeValue.Type.S) {
            return NOT_PLAIN;
        }
        try {
            return Enum.valueOf((Class) raw, a.s());
        } catch (IllegalArgumentException e) {
            return NOT_PLAIN; // not a constant's name: the converter lists the valid ones
        }
    }

    @Override
    public AttributeValue.Type attributeType() {
        return switch (kind) {
            case STRING, INSTANT, ENUM -> AttributeValue.Type.S;
            case BOOLEAN -> AttributeValue.Type.BOOL;
            case STRING_LIST -> AttributeValue.Type.L;
            case STRING_SET -> AttributeValue.Type.SS;
            case STRING_MAP -> AttributeValue.Type.M;
            default -> AttributeValue.Type.N; // LONG, INT, DOUBLE
        };
    }

    /** What the built-in converter reads an absent attribute as: zero or false, or null. */
    @Override
    public Object absentValue() {
        return switch (kind) {
            case LONG -> 0L;
            case INT -> 0;
            case BOOLEAN -> false;
            case DOUBLE -> 0.0;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "built-in converter of " + type().getTypeName();
    }

    // ---- writes: the attribute, or null to leave the value to the real converter ----

    /** A {@code String} as {@code S} when it is well-formed UTF-16; else null. */
    static AttributeValue writeString(String value) {
        return wellFormed(value) ? AttributeValue.createS(value) : null;
    }

    /** A {@code long} or {@code int} as {@code N}. */
    static AttributeValue writeLong(long value) {
        return AttributeValue.createN(Long.toString(value));
    }

    /** A {@code boolean} as {@code BOOL}. */
    static AttributeValue writeBoolean(boolean value) {
        return AttributeValue.createBool(value);
    }

    /**
     * A {@code double} as {@code N}, the shortest decimal that reads back as it, when {@code
     * Double.toString} writes it without an exponent; null for the rest (non-finite values, large
     * and small magnitudes).
     */
    static AttributeValue writeDouble(double value) {
        if (value == 0) {
            return AttributeValue.createN("0"); // also -0.0: DynamoDB has no negative zero
        }
        if (!Double.isFinite(value)) {
            return null;
        }
        String text = Double.toString(value);
        if (text.indexOf('E') >= 0) {
            return null;
        }
        return AttributeValue.createN(
                text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
    }

    /** Any value of a kind, or null to leave it to the real converter. */
    static AttributeValue write(int kind, Object value) {
        return switch (kind) {
            case STRING -> value instanceof String s ? writeString(s) : null;
            case LONG -> value instanceof Long l ? writeLong(l) : null;
            case INT -> value instanceof Integer i ? writeLong(i) : null;
            case BOOLEAN -> value instanceof Boolean b ? writeBoolean(b) : null;
            case DOUBLE -> value instanceof Double d ? writeDouble(d) : null;
            case INSTANT -> value instanceof Instant i ? writeInstant(i) : null;
            case STRING_LIST -> value instanceof List<?> l ? writeList(l) : null;
            case STRING_SET -> value instanceof Set<?> s ? writeSet(s) : null;
            case STRING_MAP -> value instanceof Map<?, ?> m ? writeMap(m) : null;
            // any enum's name, as the built-in converter writes it (its type erases to Enum)
            case ENUM -> value instanceof Enum<?> e ? AttributeValue.createS(e.name()) : null;
            default -> null;
        };
    }

    /**
     * The NULL written for a null element. Not a constant: creating one at class initialization
     * would initialize the SDK's {@code AttributeValue} (dozens of classes) while the first model
     * registers rather than at its first write.
     */
    private static AttributeValue nul() {
        return AttributeValue.createNul(true);
    }

    /** Whether a string holds no surrogate (then it is well-formed); else the converter checks. */
    private static boolean wellFormed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return false;
            }
        }
        return true;
    }

    /** An instant as the built-in converter's text (nine fraction digits); null outside 0-9999. */
    static AttributeValue writeInstant(Instant instant) {
        String text = PlainText.instant(instant);
        return text != null ? AttributeValue.createS(text) : null;
    }

    /** Elements as {@code S}, null ones as NULL; null if an element is not a well-formed string. */
    private static AttributeValue writeList(Collection<?> value) {
        List<AttributeValue> items = new ArrayList<>(value.size());
        for (Object e : value) {
            if (e == null) {
                items.add(nul());
            } else if (e instanceof String s && wellFormed(s)) {
                items.add(AttributeValue.createS(s));
            } else {
                return null;
            }
        }
        return AttributeValue.createL(items);
    }

    /** A non-empty set of well-formed strings as {@code SS}; null otherwise. */
    private static AttributeValue writeSet(Set<?> value) {
        if (value.isEmpty()) {
            return null; // omitted: the converter's own answer
        }
        Set<String> strings = new LinkedHashSet<>();
        for (Object e : value) {
            if (!(e instanceof String s) || !wellFormed(s)) {
                return null;
            }
            strings.add(s);
        }
        return AttributeValue.createSs(new ArrayList<>(strings));
    }

    /** String keys and values as {@code M}, null values as NULL; null for anything else. */
    private static AttributeValue writeMap(Map<?, ?> value) {
        Map<String, AttributeValue> entries = new LinkedHashMap<>(value.size() * 4 / 3 + 1);
        for (Map.Entry<?, ?> e : value.entrySet()) {
            if (!(e.getKey() instanceof String k) || !wellFormed(k)) {
                return null;
            }
            Object v = e.getValue();
            if (v == null) {
                entries.put(k, nul());
            } else if (v instanceof String s && wellFormed(s)) {
                entries.put(k, AttributeValue.createS(s));
            } else {
                return null;
            }
        }
        return AttributeValue.createM(entries);
    }

    // ---- reads of a present, non-NULL attribute: the value, or NOT_PLAIN ----

    /** Any kind's value, or {@link #NOT_PLAIN} to leave the attribute to the real converter. */
    static Object read(int kind, AttributeValue a) {
        AttributeValue.Type t = a.type();
        return switch (kind) {
            case STRING -> t == AttributeValue.Type.S ? a.s() : NOT_PLAIN;
            case LONG -> readIntegral(t, a, 18);
            case INT -> readIntegral(t, a, 9);
            case BOOLEAN -> t == AttributeValue.Type.BOOL ? a.bool() : NOT_PLAIN;
            case DOUBLE ->
                    t == AttributeValue.Type.N && PlainText.isShortPlainDecimal(a.n())
                            ? (Object) Double.parseDouble(a.n())
                            : NOT_PLAIN;
            case INSTANT -> t == AttributeValue.Type.S ? readInstant(a.s()) : NOT_PLAIN;
            case STRING_LIST -> t == AttributeValue.Type.L ? readList(a.l()) : NOT_PLAIN;
            case STRING_SET -> t == AttributeValue.Type.SS ? readSet(a.ss()) : NOT_PLAIN;
            case STRING_MAP -> t == AttributeValue.Type.M ? readMap(a.m()) : NOT_PLAIN;
            default -> NOT_PLAIN;
        };
    }

    /** A {@code Long} (18 digits at most) or an {@code Integer} (9), else NOT_PLAIN. */
    private static Object readIntegral(AttributeValue.Type t, AttributeValue a, int maxDigits) {
        long v =
                t == AttributeValue.Type.N
                        ? PlainText.decimal(a.n(), maxDigits)
                        : PlainText.NOT_SHORT;
        if (v == PlainText.NOT_SHORT) {
            return NOT_PLAIN;
        }
        return maxDigits == 18 ? (Object) v : (Object) (int) v;
    }

    /**
     * The instant of a text in the form {@code yyyy-MM-ddTHH:mm:ss[.f]Z} with a fraction of 1 to 9
     * digits (or none) and a valid date and time of day: what the built-in converter writes (9
     * digits) and what {@code Instant.toString} writes (other tools' items: none, 3, 6 or 9
     * digits); {@link #NOT_PLAIN} for any other text, which {@code Instant.parse} reads or refuses.
     */
    static Object readInstant(String s) {
        int length = s.length();
        // length 21 would be a '.' with no digits: left to Instant.parse
        if (length < 20
                || length > 30
                || length == 21
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || (length > 20 && s.charAt(19) != '.')
                || s.charAt(length - 1) != 'Z') {
            return NOT_PLAIN;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        int digits = length == 20 ? 0 : length - 21;
        int nano = digits == 0 ? 0 : number(s, 20, digits);
        for (int i = digits; i < 9 && nano > 0; i++) {
            nano *= 10; // 589 of ".589" is 589 000 000 nanoseconds
        }
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || (day > 28
                        && day > Month.of(month).length(IsoChronology.INSTANCE.isLeapYear(year)))
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nano < 0) {
            return NOT_PLAIN;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(
                epochDay * 86_400L + hour * 3600L + minute * 60L + second, nano);
    }

    /** The number of {@code width} ASCII digits at {@code at}, or -1. */
    private static int number(String s, int at, int width) {
        int v = 0;
        for (int i = at; i < at + width; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** An {@code L} of {@code S} and NULL items as an {@code ArrayList}; else NOT_PLAIN. */
    private static Object readList(List<AttributeValue> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (AttributeValue item : items) {
            AttributeValue.Type t = item.type();
            if (t == AttributeValue.Type.S) {
                out.add(item.s());
            } else if (t == AttributeValue.Type.NUL) {
                out.add(null);
            } else {
                return NOT_PLAIN;
            }
        }
        return out;
    }

    /** An {@code SS} as a {@code LinkedHashSet}, as the built-in converter reads it. */
    private static Object readSet(List<String> members) {
        Set<Object> out = new LinkedHashSet<>(Math.max(16, (int) (members.size() / 0.75f) + 1));
        out.addAll(members);
        return out;
    }

    /** An {@code M} of {@code S} and NULL values as a {@code LinkedHashMap}; else NOT_PLAIN. */
    private static Object readMap(Map<String, AttributeValue> entries) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : entries.entrySet()) {
            AttributeValue v = e.getValue();
            AttributeValue.Type t = v.type();
            if (t == AttributeValue.Type.S) {
                out.put(e.getKey(), v.s());
            } else if (t == AttributeValue.Type.NUL) {
                out.put(e.getKey(), null);
            } else {
                return NOT_PLAIN;
            }
        }
        return out;
    }
}
