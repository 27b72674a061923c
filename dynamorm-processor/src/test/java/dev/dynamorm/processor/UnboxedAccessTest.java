package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.spi.schema.FieldReader;
import dev.dynamorm.spi.schema.FieldWriter;
import dev.dynamorm.spi.schema.ModelSchema;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generated schemas hand primitive fields over unboxed ({@code writeLong}, {@code readBoolean}, …),
 * and the engine's unboxed paths write, read and refuse exactly as the reflective path does.
 */
final class UnboxedAccessTest {

    static final Map<String, String> SOURCES =
            Map.of(
                    "demo/Prims.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.*;

                    @DynamoTable("prims")
                    public record Prims(
                            @PartitionKey String id,
                            long l, int i, short s, byte b, double d, float f, boolean z, char c,
                            Long boxed, @Ignore int skipped) {}
                    """,
                    "demo/Account.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.*;

                    @DynamoTable("accounts")
                    public class Account {
                        @PartitionKey private String id;
                        private int points = 7;
                        private String name = "default";

                        public String getId() { return id; }
                        public void setId(String v) { id = v; }
                        public int getPoints() { return points; }
                        public void setPoints(int v) {
                            if (v < 0) throw new IllegalStateException("negative points " + v);
                            points = v;
                        }
                        public String getName() { return name; }
                        public void setName(String v) { name = v; }
                        @Override public String toString() {
                            return "Account[" + id + ", " + points + ", " + name + "]";
                        }
                    }
                    """);

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void generatedSchema_handsPrimitivesToThePrimitiveMethods(@TempDir Path dir) throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        assertThat(gen.errors()).isEmpty();
        try (URLClassLoader loader = gen.loader()) {
            ModelSchema<Object> schema = schema(loader, "demo.Prims_");
            Object prims =
                    loader.loadClass("demo.Prims")
                            .getConstructors()[0]
                            .newInstance(
                                    "p", 1L, 2, (short) 3, (byte) 4, 5.5, 6.5f, true, 'x', 9L, 0);
            // the engine reads and writes through the codec, the schema's per-field code kept in a
            // class of its own (loaded at the first item, not at registration)
            ModelSchema<Object> codec = schema.codec();
            assertThat(codec).isNotSameAs(schema);
            List<String> calls = new ArrayList<>();
            codec.write(prims, new HashMap<>(), new Recorder(calls));
            assertThat(calls)
                    .containsExactly(
                            "writeString(0, p)",
                            "writeLong(1, 1)",
                            "writeLong(2, 2)",
                            "writeLong(3, 3)",
                            "writeLong(4, 4)",
                            "writeDouble(5, 5.5)",
                            "writeFloat(6, 6.5)",
                            "writeBoolean(7, true)",
                            "write(8, x)",
                            "write(9, 9)");

            calls.clear();
            Object read = codec.read(ITEM, new Supplier(calls));
            assertThat(read)
                    .hasToString(
                            "Prims[id=v0, l=11, i=12, s=13, b=14, d=15.5, f=16.5, z=true, c=c, "
                                    + "boxed=99, skipped=0]");
            assertThat(calls)
                    .containsExactly(
                            "readString(0)",
                            "readLong(1)",
                            "readLong(2)",
                            "readLong(3)",
                            "readLong(4)",
                            "readDouble(5)",
                            "readFloat(6)",
                            "readBoolean(7)",
                            "read(8)",
                            "read(9)");
        }
    }

    @Test
    void primitiveFields_roundTrip_andAreStoredAsTheReflectivePathStoresThem(@TempDir Path dir)
            throws Exception {
        Map<String, AttributeValue> generated = roundTrip(dir, true);
        Map<String, AttributeValue> reflective = roundTrip(dir, false);
        assertThat(generated)
                .isEqualTo(reflective)
                .containsEntry("l", AttributeValue.fromN("-9223372036854775808"))
                .containsEntry("i", AttributeValue.fromN("2147483647"))
                .containsEntry("d", AttributeValue.fromN("0.1"))
                .containsEntry("f", AttributeValue.fromN("0.1"))
                .containsEntry("z", AttributeValue.fromBool(true))
                .doesNotContainKey("skipped");
    }

    @Test
    void failures_onTheUnboxedPaths_readLikeTheReflectivePath(@TempDir Path dir) throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        // a stored number outside int: the field's converter refuses it, naming field and model
        String outOfRange = readFailure(gen, "gen_range_", "prims", Map.of("i", "3000000000"));
        assertThat(outOfRange)
                .startsWith("cannot read attribute 'i' into field 'i' of model demo.Prims: ")
                .isEqualTo(readFailure(refl, "refl_range_", "prims", Map.of("i", "3000000000")));
        // a bean setter that throws is named as the failing step
        String setter = readFailure(gen, "gen_setter_", "accounts", Map.of("points", "-1"));
        assertThat(setter)
                .isEqualTo(
                        "cannot create a demo.Account from a stored item: the setter of field 'points' threw "
                                + "java.lang.IllegalStateException: negative points -1")
                .isEqualTo(readFailure(refl, "refl_setter_", "accounts", Map.of("points", "-1")));
    }

    @Test
    void readFailures_nameTheOperationThatRead_onEveryEntryPath(@TempDir Path dir)
            throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        String generated = readFailuresByEntry(gen, "gen_ops_");
        assertThat(generated)
                .contains("get: GET cannot read attribute 'i' into field 'i'")
                .contains("scan: SCAN cannot read attribute 'i' into field 'i'")
                .contains("fromItem: GET cannot read attribute 'i' into field 'i'")
                .isEqualTo(readFailuresByEntry(refl, "refl_ops_"));
    }

    /**
     * A generated model's item readers and writers are made at its first read or write, not while
     * it registers: whichever path comes first on a fresh engine (a get, a scan, {@code fromItem},
     * {@code toItem}), it reads, writes and refuses as the reflective path does.
     */
    @Test
    void firstUse_onAFreshEngine_behavesAlike_whicheverPathComesFirst(@TempDir Path dir)
            throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        for (String entry : List.of("get", "scan", "fromItem", "toItem")) {
            String generated = firstUse(gen, "gen_first_" + entry + "_", entry);
            assertThat(generated)
                    .as(entry)
                    .isNotEmpty()
                    .isEqualTo(firstUse(refl, "refl_first_" + entry + "_", entry));
        }
    }

    /**
     * On a fresh engine, one entry path's first use of Prims: the failure a get, a scan or {@code
     * fromItem} of an item whose int does not fit reports (operation and message), or for {@code
     * toItem} the item written and the instance read back from it.
     */
    private static String firstUse(Compilation c, String prefix, String entry) throws Exception {
        try (URLClassLoader loader = c.loader();
                DynamORM db = db(prefix, c.generatedFiles().size() > 0)) {
            @SuppressWarnings("unchecked")
            Table<Object> t = (Table<Object>) db.table(loader.loadClass("demo.Prims"));
            if (entry.equals("toItem")) {
                Object prims =
                        loader.loadClass("demo.Prims")
                                .getConstructors()[0]
                                .newInstance(
                                        "p", 1L, 2, (short) 3, (byte) 4, 5.5, 6.5f, true, 'x', 9L,
                                        0);
                Map<String, AttributeValue> item = t.toItem(prims);
                return new java.util.TreeMap<>(item) + " -> " + t.fromItem(item);
            }
            t.createTable();
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.fromS("x"));
            item.put("i", AttributeValue.fromN("3000000000"));
            local.client().putItem(b -> b.tableName(prefix + "prims").item(item));
            Throwable thrown =
                    switch (entry) {
                        case "get" -> catchThrowable(() -> t.get("x"));
                        case "scan" -> catchThrowable(t::scan);
                        default -> catchThrowable(() -> t.fromItem(item));
                    };
            assertThat(thrown).as(entry).isInstanceOf(InvalidRequestException.class);
            return ((InvalidRequestException) thrown).operation().orElseThrow()
                    + " "
                    + thrown.getMessage();
        }
    }

    /**
     * A stored Prims item whose int does not fit, read through a get, a scan and {@code fromItem}:
     * per entry, the operation the failure names and its message.
     */
    private static String readFailuresByEntry(Compilation c, String prefix) throws Exception {
        try (URLClassLoader loader = c.loader();
                DynamORM db = db(prefix, c.generatedFiles().size() > 0)) {
            Table<?> t = db.table(loader.loadClass("demo.Prims"));
            t.createTable();
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.fromS("x"));
            item.put("i", AttributeValue.fromN("3000000000"));
            local.client().putItem(b -> b.tableName(prefix + "prims").item(item));
            Map<String, Throwable> byEntry = new LinkedHashMap<>();
            byEntry.put("get", catchThrowable(() -> t.get("x")));
            byEntry.put("scan", catchThrowable(t::scan));
            byEntry.put("fromItem", catchThrowable(() -> t.fromItem(item)));
            StringBuilder out = new StringBuilder();
            byEntry.forEach(
                    (entry, thrown) -> {
                        assertThat(thrown).as(entry).isInstanceOf(InvalidRequestException.class);
                        out.append(entry)
                                .append(": ")
                                .append(
                                        ((InvalidRequestException) thrown)
                                                .operation()
                                                .orElseThrow())
                                .append(' ')
                                .append(thrown.getMessage())
                                .append('\n');
                    });
            return out.toString();
        }
    }

    @Test
    void plainReads_handEverythingButAPlainValue_toTheConverter(@TempDir Path dir)
            throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        // numbers the converter reads although Long.parseLong / Integer.parseInt do not
        Map<String, AttributeValue> odd = new HashMap<>();
        odd.put("l", AttributeValue.fromN("12E2"));
        odd.put("i", AttributeValue.fromN("7.0"));
        odd.put("z", AttributeValue.fromNul(true));
        String read = readPrims(gen, "gen_odd_", odd);
        assertThat(read)
                .contains("l=1200, i=7,")
                .contains("z=false")
                .isEqualTo(readPrims(refl, "refl_odd_", odd));
        // an attribute of another type, or a number out of the field's range, is refused as before
        List<Map<String, AttributeValue>> wrongs =
                List.of(
                        Map.of("z", AttributeValue.fromS("true")),
                        Map.of("i", AttributeValue.fromS("7")),
                        Map.of("l", AttributeValue.fromN("9223372036854775808")),
                        Map.of("i", AttributeValue.fromN("-2147483649")));
        for (int n = 0; n < wrongs.size(); n++) {
            Map<String, AttributeValue> wrong = wrongs.get(n);
            String key = wrong.keySet().iterator().next();
            String failure = readPrims(gen, "gen_wrong" + n + "_", wrong);
            assertThat(failure)
                    .startsWith("cannot read attribute '" + key + "' into field '" + key + "'")
                    .isEqualTo(readPrims(refl, "refl_wrong" + n + "_", wrong));
        }
    }

    /** Reads a Prims item with id "x" and the given attributes: its text, or the failure's. */
    private static String readPrims(
            Compilation c, String prefix, Map<String, AttributeValue> attributes) throws Exception {
        try (URLClassLoader loader = c.loader();
                DynamORM db = db(prefix, c.generatedFiles().size() > 0)) {
            Table<?> t = db.table(loader.loadClass("demo.Prims"));
            t.createTable();
            Map<String, AttributeValue> item = new HashMap<>(attributes);
            item.put("id", AttributeValue.fromS("x"));
            local.client().putItem(b -> b.tableName(prefix + "prims").item(item));
            Throwable thrown = catchThrowable(() -> t.get("x"));
            if (thrown == null) {
                return String.valueOf(t.get("x").orElseThrow());
            }
            assertThat(thrown).isInstanceOf(InvalidRequestException.class);
            return thrown.getMessage();
        }
    }

    @Test
    void beanRead_keepsInitializers_forAbsentReferenceFields_andSetsAbsentPrimitivesToZero(
            @TempDir Path dir) throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        String generated = readAccount(gen, "gen_init_");
        assertThat(generated)
                .isEqualTo("Account[a1, 0, default]")
                .isEqualTo(readAccount(refl, "refl_init_"));
    }

    private static Map<String, AttributeValue> roundTrip(Path dir, boolean withProcessor)
            throws Exception {
        Compilation c = Compilation.compile(dir, withProcessor, SOURCES);
        String prefix = withProcessor ? "gen_rt_" : "refl_rt_";
        try (URLClassLoader loader = c.loader();
                DynamORM db = db(prefix, withProcessor)) {
            Class<?> type = loader.loadClass("demo.Prims");
            Object prims =
                    type.getConstructors()[0].newInstance(
                            "p",
                            Long.MIN_VALUE,
                            Integer.MAX_VALUE,
                            (short) -3,
                            (byte) 4,
                            0.1,
                            0.1f,
                            true,
                            'x',
                            null,
                            5);
            @SuppressWarnings("unchecked")
            Table<Object> table = (Table<Object>) db.table(type);
            table.createTable();
            table.create(prims);
            Object back = table.get("p").orElseThrow();
            assertThat(back)
                    .hasToString(
                            "Prims[id=p, l=-9223372036854775808, i=2147483647, s=-3, b=4, d=0.1,"
                                    + " f=0.1, z=true, c=x, boxed=null, skipped=0]");
            return local.client()
                    .getItem(
                            b ->
                                    b.tableName(prefix + "prims")
                                            .key(Map.of("id", AttributeValue.fromS("p"))))
                    .item();
        }
    }

    private static String readFailure(
            Compilation c, String prefix, String table, Map<String, String> numbers)
            throws Exception {
        try (URLClassLoader loader = c.loader();
                DynamORM db = db(prefix, c.generatedFiles().size() > 0)) {
            Class<?> type = loader.loadClass(table.equals("prims") ? "demo.Prims" : "demo.Account");
            Table<?> t = db.table(type);
            t.createTable();
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.fromS("x"));
            numbers.forEach((k, v) -> item.put(k, AttributeValue.fromN(v)));
            local.client().putItem(b -> b.tableName(prefix + table).item(item));
            Throwable thrown = catchThrowable(() -> t.get("x"));
            assertThat(thrown).isInstanceOf(InvalidRequestException.class);
            return thrown.getMessage();
        }
    }

    private static String readAccount(Compilation c, String prefix) throws Exception {
        try (URLClassLoader loader = c.loader();
                DynamORM db = db(prefix, c.generatedFiles().size() > 0)) {
            Table<?> t = db.table(loader.loadClass("demo.Account"));
            t.createTable();
            local.client()
                    .putItem(
                            b ->
                                    b.tableName(prefix + "accounts")
                                            .item(Map.of("id", AttributeValue.fromS("a1"))));
            return String.valueOf(t.get("a1").orElseThrow());
        }
    }

    private static DynamORM db(String prefix, boolean requireGenerated) {
        return DynamORM.builder()
                .client(local.client())
                .tableNamePrefix(prefix)
                .requireGeneratedModels(requireGenerated)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static ModelSchema<Object> schema(ClassLoader loader, String name) throws Exception {
        return (ModelSchema<Object>) loader.loadClass(name).getField("SCHEMA").get(null);
    }

    /** Records the writer calls. */
    private record Recorder(List<String> calls) implements FieldWriter {
        @Override
        public void write(Map<String, AttributeValue> item, int field, Object value) {
            calls.add("write(" + field + ", " + value + ")");
        }

        @Override
        public void writeString(Map<String, AttributeValue> item, int field, String value) {
            calls.add("writeString(" + field + ", " + value + ")");
        }

        @Override
        public void writeLong(Map<String, AttributeValue> item, int field, long value) {
            calls.add("writeLong(" + field + ", " + value + ")");
        }

        @Override
        public void writeDouble(Map<String, AttributeValue> item, int field, double value) {
            calls.add("writeDouble(" + field + ", " + value + ")");
        }

        @Override
        public void writeFloat(Map<String, AttributeValue> item, int field, float value) {
            calls.add("writeFloat(" + field + ", " + value + ")");
        }

        @Override
        public void writeBoolean(Map<String, AttributeValue> item, int field, boolean value) {
            calls.add("writeBoolean(" + field + ", " + value + ")");
        }
    }

    /**
     * An item whose attribute {@code a<i>} holds the number {@code i}, for the {@link Supplier}.
     */
    private static final Map<String, AttributeValue> ITEM = item();

    private static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            item.put("a" + i, AttributeValue.fromN(Integer.toString(i)));
        }
        return item;
    }

    /**
     * Supplies 10 + the field index (and records the reader calls); each typed read must receive
     * the attribute stored under its own field's name ({@link #ITEM}).
     */
    private record Supplier(List<String> calls) implements FieldReader {
        @Override
        public long plainFields() {
            return 0L; // every field through the typed methods, so that each call is recorded
        }

        @Override
        public long plainFields(String[] attributeNames) {
            return 0L; // not the generated names ("a" + index): the lookups by attributeName
        }

        @Override
        public String attributeName(int field) {
            return "a" + field;
        }

        private static void requireOwn(AttributeValue attribute, int field) {
            if (attribute == null || !attribute.n().equals(Integer.toString(field))) {
                throw new AssertionError("field " + field + " was handed " + attribute);
            }
        }

        @Override
        public Object read(Map<String, AttributeValue> item, int field) {
            calls.add("read(" + field + ")");
            return field == 0 ? "v0" : field == 8 ? (Object) 'c' : (Object) 99L;
        }

        @Override
        public String readString(AttributeValue attribute, int field) {
            requireOwn(attribute, field);
            calls.add("readString(" + field + ")");
            return "v" + field;
        }

        @Override
        public long readLong(AttributeValue attribute, int field) {
            requireOwn(attribute, field);
            calls.add("readLong(" + field + ")");
            return 10 + field;
        }

        @Override
        public double readDouble(AttributeValue attribute, int field) {
            requireOwn(attribute, field);
            calls.add("readDouble(" + field + ")");
            return 10.5 + field;
        }

        @Override
        public float readFloat(AttributeValue attribute, int field) {
            requireOwn(attribute, field);
            calls.add("readFloat(" + field + ")");
            return 10.5f + field;
        }

        @Override
        public boolean readBoolean(AttributeValue attribute, int field) {
            requireOwn(attribute, field);
            calls.add("readBoolean(" + field + ")");
            return true;
        }

        @Override
        public RuntimeException setterFailed(int field, RuntimeException failure) {
            return failure;
        }
    }
}
