package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterProvider;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.spi.schema.FieldReader;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.FieldWriter;
import dev.dynamorm.spi.schema.ModelSchema;
import dev.dynamorm.spi.schema.PlainReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fields of the common types registered with {@link BuiltInDefault} stand-ins (only the built-in
 * converters present) convert exactly as the built-in converters do: the same attributes, values,
 * errors and wording as a model whose fields hold the real converters (the stand-ins are off as
 * soon as a converter provider of the user's is present), on the reflective and the generated path.
 */
final class BuiltInDefaultTest {

    @DynamoTable("plains")
    record Plain(
            @PartitionKey String id,
            long l,
            int i,
            boolean b,
            double d,
            Instant t,
            List<String> list,
            Set<String> set,
            Map<String, String> map,
            Color c) {}

    enum Color {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green, a constant with a body";
            }
        }
    }

    private static final Plain BASE =
            new Plain(
                    "id",
                    1L,
                    2,
                    true,
                    0.5,
                    Instant.EPOCH,
                    List.of("a"),
                    Set.of("s"),
                    Map.of(),
                    Color.RED);

    private static List<ConverterProvider> builtIns() {
        List<ConverterProvider> found = new ArrayList<>();
        ServiceLoader.load(ConverterProvider.class).forEach(found::add);
        assertThat(found).isNotEmpty();
        return found;
    }

    /** A provider of the user's that answers nothing: present, it turns the stand-ins off. */
    private static List<ConverterProvider> builtInsAndAUserProvider() {
        List<ConverterProvider> providers = new ArrayList<>(builtIns());
        providers.add((type, lookup) -> Optional.empty());
        return providers;
    }

    private static ModelMetadata<Plain> reflective(List<ConverterProvider> providers) {
        return new ModelRegistry(new ConverterRegistry(providers)).metadata(Plain.class);
    }

    private static ReflectiveModel<Plain> generated(List<ConverterProvider> providers) {
        ReflectiveModel<Plain> model = new ReflectiveModel<>(Plain.class);
        new ModelBuilder<>(new PlainSchema(), new ConverterRegistry(providers)).buildInto(model);
        return model;
    }

    @Test
    void withOnlyTheBuiltIns_commonTypesGetStandIns_withAUserProviderTheRealConverters() {
        ModelMetadata<Plain> standIns = reflective(builtIns());
        ModelMetadata<Plain> real = reflective(builtInsAndAUserProvider());
        for (FieldMetadata f : standIns.fields()) {
            assertThat(f.converter()).as(f.name()).isInstanceOf(BuiltInDefault.class);
            FieldMetadata r = real.field(f.name());
            assertThat(r.converter()).as(f.name()).isNotInstanceOf(BuiltInDefault.class);
            assertThat(f.attributeType()).as(f.name()).isEqualTo(r.attributeType());
            assertThat(f.converter().absentValue())
                    .as(f.name())
                    .isEqualTo(r.converter().absentValue());
        }
    }

    @Test
    void writes_equalTheBuiltInConverters_valuesAndErrors() {
        ModelMetadata<Plain> standIns = reflective(builtIns());
        ModelMetadata<Plain> real = reflective(builtInsAndAUserProvider());
        ReflectiveModel<Plain> genStandIns = generated(builtIns());
        ReflectiveModel<Plain> genReal = generated(builtInsAndAUserProvider());
        for (Plain p : instances()) {
            String expected = outcome(() -> real.toItem(p));
            assertThat(outcome(() -> standIns.toItem(p))).as(p.toString()).isEqualTo(expected);
            assertThat(outcome(() -> genReal.toItem(p))).as(p.toString()).isEqualTo(expected);
            assertThat(outcome(() -> genStandIns.toItem(p))).as(p.toString()).isEqualTo(expected);
        }
    }

    @Test
    void fieldsAndTheirConverters_convertAnyValue_asTheBuiltInConverters() {
        ModelMetadata<Plain> standIns = reflective(builtIns());
        ModelMetadata<Plain> real = reflective(builtInsAndAUserProvider());
        List<Object> values =
                List.of(
                        "x",
                        "\uD800",
                        7L,
                        7,
                        (short) 7,
                        true,
                        1.5,
                        2.0,
                        Double.NaN,
                        1.5f,
                        Instant.ofEpochSecond(5, 6),
                        List.of("a"),
                        List.of(1),
                        Set.of("a"),
                        Set.of(1),
                        Map.of("k", "v"),
                        Map.of(1, "v"),
                        Map.of("k", 1),
                        Color.RED,
                        Color.GREEN,
                        java.util.concurrent.TimeUnit.SECONDS,
                        new Object());
        for (FieldMetadata f : standIns.fields()) {
            FieldMetadata r = real.field(f.name());
            for (Object v : values) {
                String what = f.name() + " <- " + v + " (" + v.getClass().getSimpleName() + ")";
                assertThat(outcome(() -> f.toAttributeValue(v)))
                        .as(what)
                        .isEqualTo(outcome(() -> r.toAttributeValue(v)));
                assertThat(outcome(() -> f.converter().toAttributeValue(v)))
                        .as(what)
                        .isEqualTo(outcome(() -> r.converter().toAttributeValue(v)));
            }
        }
    }

    @Test
    void reads_equalTheBuiltInConverters_valuesAndErrors() {
        ModelMetadata<Plain> standIns = reflective(builtIns());
        ModelMetadata<Plain> real = reflective(builtInsAndAUserProvider());
        ReflectiveModel<Plain> genStandIns = generated(builtIns());
        ReflectiveModel<Plain> genReal = generated(builtInsAndAUserProvider());
        Map<String, AttributeValue> good = real.toItem(BASE);
        for (AttributeValue a : attributes()) {
            for (FieldMetadata f : standIns.fields()) {
                FieldMetadata r = real.field(f.name());
                String what = f.name() + " <- " + a;
                assertThat(outcome(() -> f.fromAttributeValue(a)))
                        .as(what)
                        .isEqualTo(outcome(() -> r.fromAttributeValue(a)));
                assertThat(outcome(() -> f.converter().fromAttributeValue(a)))
                        .as(what)
                        .isEqualTo(outcome(() -> r.converter().fromAttributeValue(a)));
                Map<String, AttributeValue> item = new HashMap<>(good);
                item.put(f.attributeName(), a);
                String expected = outcome(() -> real.fromItem(item));
                assertThat(outcome(() -> standIns.fromItem(item))).as(what).isEqualTo(expected);
                assertThat(outcome(() -> genReal.fromItem(item))).as(what).isEqualTo(expected);
                assertThat(outcome(() -> genStandIns.fromItem(item))).as(what).isEqualTo(expected);
            }
        }
    }

    @Test
    void instantsOfEveryFractionWidth_areReadByTheStandInItself() {
        for (String text :
                List.of(
                        "2026-03-14T09:26:54Z",
                        "2026-03-14T09:26:54.5Z",
                        "2026-03-14T09:26:54.589Z",
                        "2026-03-14T09:26:54.123456Z",
                        "2026-03-14T09:26:54.123456789Z",
                        "2026-03-14T09:26:54.000Z")) {
            assertThat(BuiltInDefault.readInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text :
                List.of(
                        "2026-03-14T09:26:54.Z",
                        "2026-03-14T09:26:54.1234567891Z",
                        "2026-03-14T09:26:54+01:00",
                        "2024-12-31T23:59:60Z")) {
            assertThat(BuiltInDefault.readInstant(text))
                    .as(text)
                    .isSameAs(BuiltInDefault.NOT_PLAIN);
        }
    }

    @DynamoTable("secrets")
    record Secret(@PartitionKey String id, @Encrypted String pin) {}

    @Test
    void anEncryptedField_keepsTheBuiltInConverterItself() {
        ModelMetadata<Secret> model =
                new ModelRegistry(new ConverterRegistry(builtIns())).metadata(Secret.class);
        assertThat(model.field("id").converter()).isInstanceOf(BuiltInDefault.class);
        assertThat(model.field("pin").isEncrypted()).isTrue();
        assertThat(model.field("pin").converter())
                .isNotInstanceOf(BuiltInDefault.class)
                .isSameAs(new ConverterRegistry(builtIns()).find(String.class).orElseThrow());
        assertThat(model.toItem(new Secret("a", "1234")))
                .containsEntry("pin", AttributeValue.fromS("1234"));
    }

    @Test
    void aUserConverterForInstant_winsOverTheBuiltInOne() {
        Converter<Instant> millis =
                new Converter<>() {
                    @Override
                    public AttributeValue toAttributeValue(Instant value) {
                        return AttributeValue.fromN(Long.toString(value.toEpochMilli()));
                    }

                    @Override
                    public Instant fromAttributeValue(AttributeValue attribute) {
                        return Instant.ofEpochMilli(Long.parseLong(attribute.n()));
                    }

                    @Override
                    public AttributeValue.Type attributeType() {
                        return AttributeValue.Type.N;
                    }
                };
        List<ConverterProvider> providers = new ArrayList<>(builtIns());
        providers.add(
                (type, lookup) -> type == Instant.class ? Optional.of(millis) : Optional.empty());
        for (ModelMetadata<Plain> model :
                List.<ModelMetadata<Plain>>of(reflective(providers), generated(providers))) {
            Map<String, AttributeValue> item = model.toItem(BASE);
            assertThat(item.get("t")).isEqualTo(AttributeValue.fromN("0"));
            assertThat(model.field("t").attributeType()).isEqualTo(AttributeValue.Type.N);
            assertThat(model.fromItem(item)).isEqualTo(BASE);
        }
    }

    /** The base instance with one field changed at a time to each of its interesting values. */
    private static List<Plain> instances() {
        List<Plain> out = new ArrayList<>();
        for (String s : strings()) {
            out.add(
                    new Plain(
                            s,
                            1L,
                            2,
                            true,
                            0.5,
                            Instant.EPOCH,
                            List.of(s),
                            Set.of(s),
                            Map.of(),
                            Color.GREEN));
            out.add(new Plain("id", 1L, 2, true, 0.5, null, null, null, Map.of(s, s), null));
        }
        for (long l : new long[] {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            out.add(new Plain("id", l, (int) l, l > 0, 0.5, null, null, null, null, Color.RED));
        }
        for (double d :
                new double[] {
                    0.0,
                    -0.0,
                    0.1,
                    -2.5,
                    2.0,
                    -3.0,
                    1234567.0,
                    1e7,
                    1e-3,
                    1e-4,
                    1.0E-300,
                    123456789.125,
                    Double.MAX_VALUE,
                    Double.MIN_VALUE,
                    Double.NaN,
                    Double.NEGATIVE_INFINITY,
                    1e125,
                    1e126
                }) {
            out.add(new Plain("id", 1L, 2, false, d, null, null, null, null, Color.RED));
        }
        for (String t :
                List.of(
                        "1970-01-01T00:00:00Z",
                        "2023-11-14T22:13:20.000000005Z",
                        "9999-12-31T23:59:59.999999999Z",
                        "+10000-01-01T00:00:00Z",
                        "0000-01-01T00:00:00Z",
                        "-0001-06-01T12:00:00Z",
                        "2024-02-29T00:00:00.5Z")) {
            out.add(
                    new Plain(
                            "id", 1L, 2, true, 0.5, Instant.parse(t), null, null, null, Color.RED));
        }
        out.add(new Plain("id", 1L, 2, true, 0.5, Instant.MIN, null, null, null, Color.RED));
        out.add(new Plain("id", 1L, 2, true, 0.5, Instant.MAX, null, null, null, Color.RED));
        List<List<String>> lists =
                List.of(
                        List.of(),
                        Arrays.asList("a", null, "b"),
                        new LinkedList<>(List.of("x", "y")),
                        List.of("a", "\uDC00"));
        for (List<String> list : lists) {
            out.add(new Plain("id", 1L, 2, true, 0.5, null, list, null, null, null));
        }
        Set<String> withNull = new HashSet<>(Arrays.asList("a", null));
        for (Set<String> set :
                List.of(Set.<String>of(), new TreeSet<>(Set.of("b", "a", "c")), withNull)) {
            out.add(new Plain("id", 1L, 2, true, 0.5, null, null, set, null, null));
        }
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("k", null);
        nullValue.put("j", "v");
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        for (Map<String, String> map : List.of(nullValue, nullKey, Map.of("\uD800x", "v"))) {
            out.add(new Plain("id", 1L, 2, true, 0.5, null, null, null, map, Color.GREEN));
        }
        return out;
    }

    private static List<String> strings() {
        return List.of("", "a", "\u00e9t\u00e9", "\uD83D\uDE00", "\uD800", "x\uDC00y", "\uDBFF");
    }

    /** Attributes of every type, well-formed and not, for every field. */
    private static List<AttributeValue> attributes() {
        List<AttributeValue> out = new ArrayList<>();
        for (String s :
                List.of(
                        "x",
                        "",
                        "RED",
                        "GREEN",
                        "red",
                        "2024-01-02T03:04:05.123456789Z",
                        "2024-01-02T03:04:05Z",
                        "2024-02-29T23:59:59.999999999Z",
                        "2023-02-29T00:00:00.000000000Z",
                        "2024-04-31T00:00:00.000000000Z",
                        "2024-01-02T24:00:00.000000000Z",
                        "2024-12-31T23:59:60.000000000Z",
                        "0000-01-01T00:00:00.000000000Z",
                        "2024-01-02T03:04:05.12345678xZ",
                        "2024-01-02t03:04:05.123456789Z",
                        // Instant.toString's forms (other tools' items), and near misses
                        "2026-03-14T09:26:54.589Z",
                        "2026-03-14T09:26:54.5Z",
                        "2026-03-14T09:26:54.123456Z",
                        "2026-03-14T09:26:54.000Z",
                        "2026-03-14T09:26:54.Z",
                        "2026-03-14T09:26:54.1234567891Z",
                        "2026-03-14T09:26:54.58xZ",
                        "2026-03-14T09:26:54+01:00",
                        "2024-12-31T23:59:60Z")) {
            out.add(AttributeValue.fromS(s));
        }
        for (String n :
                List.of(
                        "1",
                        "-5",
                        "-0",
                        "007",
                        "+3",
                        "1e3",
                        "1.5",
                        "0.1",
                        "-2.50",
                        "2147483647",
                        "2147483648",
                        "-2147483649",
                        "999999999",
                        "1234567890",
                        "123456789012345678",
                        "9223372036854775807",
                        "9223372036854775808",
                        "12345678901234567890",
                        "1e400",
                        "1e-400",
                        "0.0000000000000001",
                        "12345678901234567.5",
                        "x")) {
            out.add(AttributeValue.fromN(n));
        }
        out.add(AttributeValue.fromBool(true));
        out.add(AttributeValue.fromBool(false));
        out.add(AttributeValue.fromNul(true));
        out.add(AttributeValue.fromB(SdkBytes.fromUtf8String("b")));
        out.add(AttributeValue.fromL(List.of()));
        out.add(
                AttributeValue.fromL(
                        List.of(AttributeValue.fromS("a"), AttributeValue.fromNul(true))));
        out.add(AttributeValue.fromL(List.of(AttributeValue.fromN("1"))));
        out.add(AttributeValue.fromSs(List.of("a", "b")));
        out.add(AttributeValue.fromNs(List.of("1")));
        out.add(AttributeValue.fromM(Map.of()));
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("k", AttributeValue.fromS("v"));
        m.put("n", AttributeValue.fromNul(true));
        out.add(AttributeValue.fromM(m));
        out.add(AttributeValue.fromM(Map.of("k", AttributeValue.fromN("1"))));
        return out;
    }

    /** What a call gives: its value and the value's class, or the failure's class and message. */
    private static String outcome(Supplier<Object> call) {
        try {
            Object v = call.get();
            return v == null ? "null" : v.getClass().getName() + ": " + v;
        } catch (RuntimeException e) {
            StringBuilder sb = new StringBuilder("failed: " + e.getClass().getName());
            sb.append(": ").append(e.getMessage());
            for (Throwable s : e.getSuppressed()) {
                sb.append(" / ").append(s.getClass().getName()).append(": ").append(s.getMessage());
            }
            return sb.toString();
        }
    }

    /** What the processor writes for {@link Plain}: typed writes, plain reads, the rest boxed. */
    static final class PlainSchema implements ModelSchema<Plain> {

        @Override
        public Class<Plain> type() {
            return Plain.class;
        }

        @Override
        public Optional<String> tableName() {
            return Optional.of("plains");
        }

        @Override
        public NamingConvention naming() {
            return NamingConvention.CAMEL_CASE;
        }

        @Override
        public List<FieldSchema> fields() {
            return List.of(
                    FieldSchema.builder("id", String.class).partitionKey().build(),
                    FieldSchema.builder("l", long.class).build(),
                    FieldSchema.builder("i", int.class).build(),
                    FieldSchema.builder("b", boolean.class).build(),
                    FieldSchema.builder("d", double.class).build(),
                    FieldSchema.builder("t", Instant.class).build(),
                    FieldSchema.builder("list", List.class, String.class).build(),
                    FieldSchema.builder("set", Set.class, String.class).build(),
                    FieldSchema.builder("map", Map.class, String.class, String.class).build(),
                    FieldSchema.builder("c", Color.class).build());
        }

        @Override
        public Object get(Plain p, int field) {
            return switch (field) {
                case 0 -> p.id();
                case 1 -> p.l();
                case 2 -> p.i();
                case 3 -> p.b();
                case 4 -> p.d();
                case 5 -> p.t();
                case 6 -> p.list();
                case 7 -> p.set();
                case 8 -> p.map();
                default -> p.c();
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public Plain create(Object[] v) {
            return new Plain(
                    (String) v[0],
                    (Long) v[1],
                    (Integer) v[2],
                    (Boolean) v[3],
                    (Double) v[4],
                    (Instant) v[5],
                    (List<String>) v[6],
                    (Set<String>) v[7],
                    (Map<String, String>) v[8],
                    (Color) v[9]);
        }

        @Override
        public void write(Plain p, Map<String, AttributeValue> item, FieldWriter out) {
            out.writeString(item, 0, p.id());
            out.writeLong(item, 1, p.l());
            out.writeLong(item, 2, p.i());
            out.writeBoolean(item, 3, p.b());
            out.writeDouble(item, 4, p.d());
            out.write(item, 5, p.t());
            out.write(item, 6, p.list());
            out.write(item, 7, p.set());
            out.write(item, 8, p.map());
            out.write(item, 9, p.c());
        }

        @Override
        @SuppressWarnings("unchecked")
        public Plain read(Map<String, AttributeValue> item, FieldReader in) {
            long plain = in.plainFields();
            assertThat(plain).isEqualTo(0b1111L); // id, l, i, b
            return new Plain(
                    PlainReads.readString(item.get(in.attributeName(0)), in, 0, plain),
                    PlainReads.readLong(item.get(in.attributeName(1)), in, 1, plain),
                    PlainReads.readInt(item.get(in.attributeName(2)), in, 2, plain),
                    PlainReads.readBoolean(item.get(in.attributeName(3)), in, 3, plain),
                    in.readDouble(item.get(in.attributeName(4)), 4),
                    (Instant) in.read(item, 5),
                    (List<String>) in.read(item, 6),
                    (Set<String>) in.read(item, 7),
                    (Map<String, String>) in.read(item, 8),
                    (Color) in.read(item, 9));
        }
    }
}
