package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.spi.schema.FieldReader;
import dev.dynamorm.spi.schema.ModelSchema;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generated read code looks attributes up by the names it was generated with (snake case and
 * {@code @Attribute} renames included) once the engine has confirmed them, and reads what it finds
 * exactly as the reflective path does: same values, same absent values, same failures.
 */
final class NamedReadsTest {

    static final Map<String, String> SOURCES =
            Map.of(
                    "demo/Line.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.*;
                    import java.time.Instant;
                    import java.util.List;

                    @DynamoTable(value = "lines", naming = NamingConvention.SNAKE_CASE)
                    public record Line(
                            @PartitionKey String lineId,
                            @Attribute("qty") int quantityOrdered,
                            long unitPriceCents,
                            boolean giftWrapped,
                            double discountRate,
                            String noteText,
                            Instant shippedAt,
                            List<String> tags) {}
                    """,
                    "demo/Box.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.*;

                    @DynamoTable(value = "boxes", naming = NamingConvention.SNAKE_CASE)
                    public class Box {
                        @PartitionKey private String boxId;
                        private long weightGrams = 5;
                        @Attribute("label") private String labelText = "none";

                        public String getBoxId() { return boxId; }
                        public void setBoxId(String v) { boxId = v; }
                        public long getWeightGrams() { return weightGrams; }
                        public void setWeightGrams(long v) { weightGrams = v; }
                        public String getLabelText() { return labelText; }
                        public void setLabelText(String v) { labelText = v; }
                        @Override public String toString() {
                            return "Box[" + boxId + ", " + weightGrams + ", " + labelText + "]";
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
    void generatedReads_lookUpTheResolvedAttributeNames_andReadLikeTheReflectivePath(
            @TempDir Path dir) throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        assertThat(gen.generatedSource("demo/Line_.java"))
                .contains("item.get(\"line_id\")")
                .contains("item.get(\"qty\")")
                .contains("item.get(\"unit_price_cents\")")
                .contains("item.get(\"discount_rate\")");
        assertThat(gen.generatedSource("demo/Box_.java"))
                .contains("item.get(\"weight_grams\")")
                .contains("item.get(\"label\")");

        Map<String, AttributeValue> full = new HashMap<>();
        full.put("qty", AttributeValue.fromN("3"));
        full.put("unit_price_cents", AttributeValue.fromN("1250"));
        full.put("gift_wrapped", AttributeValue.fromBool(true));
        full.put("discount_rate", AttributeValue.fromN("0.25"));
        full.put("note_text", AttributeValue.fromS("fragile"));
        full.put("shipped_at", AttributeValue.fromS("2026-01-02T03:04:05Z"));
        full.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))));
        assertThat(read(gen, "gen_full_", "demo.Line", "lines", "line_id", full))
                .isEqualTo(
                        "Line[lineId=x, quantityOrdered=3, unitPriceCents=1250, giftWrapped=true,"
                                + " discountRate=0.25, noteText=fragile,"
                                + " shippedAt=2026-01-02T03:04:05Z, tags=[a]]")
                .isEqualTo(read(refl, "refl_full_", "demo.Line", "lines", "line_id", full));

        // absent, NULL and odd numbers: the converter's answers
        Map<String, AttributeValue> odd = new HashMap<>();
        odd.put("qty", AttributeValue.fromN("7.0"));
        odd.put("unit_price_cents", AttributeValue.fromN("12E2"));
        odd.put("note_text", AttributeValue.fromNul(true));
        assertThat(read(gen, "gen_odd_", "demo.Line", "lines", "line_id", odd))
                .contains("quantityOrdered=7, unitPriceCents=1200, giftWrapped=false")
                .isEqualTo(read(refl, "refl_odd_", "demo.Line", "lines", "line_id", odd));

        // another type under a renamed attribute: the same failure
        Map<String, AttributeValue> wrong = Map.of("qty", AttributeValue.fromS("3"));
        assertThat(read(gen, "gen_wrong_", "demo.Line", "lines", "line_id", wrong))
                .startsWith("cannot read attribute 'qty' into field 'quantityOrdered'")
                .isEqualTo(read(refl, "refl_wrong_", "demo.Line", "lines", "line_id", wrong));

        // a bean: initializers stay for absent references, present values are set
        Map<String, AttributeValue> box = Map.of("weight_grams", AttributeValue.fromN("40"));
        assertThat(read(gen, "gen_box_", "demo.Box", "boxes", "box_id", box))
                .isEqualTo("Box[x, 40, none]")
                .isEqualTo(read(refl, "refl_box_", "demo.Box", "boxes", "box_id", box));
        Map<String, AttributeValue> labelled = Map.of("label", AttributeValue.fromS("glass"));
        assertThat(read(gen, "gen_label_", "demo.Box", "boxes", "box_id", labelled))
                .isEqualTo("Box[x, 0, glass]")
                .isEqualTo(read(refl, "refl_label_", "demo.Box", "boxes", "box_id", labelled));
    }

    @Test
    void readsNamed_isTheReadersAnswerForTheGeneratedNames_andReadNamedReadsLikeRead(
            @TempDir Path dir) throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        try (URLClassLoader loader = gen.loader()) {
            @SuppressWarnings("unchecked") // the generated schema of demo.Box
            ModelSchema<Object> schema =
                    (ModelSchema<Object>)
                            loader.loadClass("demo.Box_").getField("SCHEMA").get(null);
            Map<String, AttributeValue> item =
                    Map.of(
                            "box_id", AttributeValue.fromS("x"),
                            "weight_grams", AttributeValue.fromN("40"),
                            "label", AttributeValue.fromS("glass"));
            // the engine reads through the codec (the schema's per-field code)
            ModelSchema<Object> codec = schema.codec();
            Names same = new Names(List.of("box_id", "weight_grams", "label"));
            assertThat(codec.readsNamed(same)).isTrue();
            assertThat(same.asked).containsExactly(List.of("box_id", "weight_grams", "label"));
            assertThat(codec.readNamed(item, same)).hasToString("Box[x, 40, glass]");
            assertThat(codec.read(item, same)).hasToString("Box[x, 40, glass]");

            // a reader whose attributes have other names: no named reads; read asks the reader
            Names other = new Names(List.of("box", "weight", "label"));
            assertThat(codec.readsNamed(other)).isFalse();
            assertThat(codec.read(item, other)).hasToString("Box[null, 0, glass]");
        }
    }

    /**
     * A reader that confirms the generated names when they are {@code names} (every field plain),
     * and otherwise reads by its own names, which finds no attribute for a name not in the item.
     */
    private static final class Names implements FieldReader {
        final List<String> names;
        final List<List<String>> asked = new ArrayList<>();

        Names(List<String> names) {
            this.names = names;
        }

        @Override
        public long plainFields() {
            return 0b111L;
        }

        @Override
        public long plainFields(String[] attributeNames) {
            asked.add(List.of(attributeNames));
            return names.equals(List.of(attributeNames)) ? 0b111L : 0L;
        }

        @Override
        public Object read(Map<String, AttributeValue> item, int field) {
            throw new AssertionError("no reference field");
        }

        @Override
        public String attributeName(int field) {
            return names.get(field);
        }

        @Override
        public String readString(AttributeValue attribute, int field) {
            return attribute == null ? null : attribute.s();
        }

        @Override
        public long readLong(AttributeValue attribute, int field) {
            return attribute == null ? 0L : Long.parseLong(attribute.n());
        }

        @Override
        public double readDouble(AttributeValue attribute, int field) {
            throw new AssertionError("no double field");
        }

        @Override
        public float readFloat(AttributeValue attribute, int field) {
            throw new AssertionError("no float field");
        }

        @Override
        public boolean readBoolean(AttributeValue attribute, int field) {
            throw new AssertionError("no boolean field");
        }

        @Override
        public RuntimeException setterFailed(int field, RuntimeException failure) {
            return failure;
        }
    }

    /**
     * Stores the attributes under key "x" with the SDK and reads them: the model's text or the
     * failure's.
     */
    private static String read(
            Compilation c,
            String prefix,
            String model,
            String table,
            String keyAttribute,
            Map<String, AttributeValue> attributes)
            throws Exception {
        try (URLClassLoader loader = c.loader();
                DynamORM db =
                        DynamORM.builder()
                                .client(local.client())
                                .tableNamePrefix(prefix)
                                .requireGeneratedModels(c.generatedFiles().size() > 0)
                                .build()) {
            Table<?> t = db.table(loader.loadClass(model));
            t.createTable();
            Map<String, AttributeValue> item = new HashMap<>(attributes);
            item.put(keyAttribute, AttributeValue.fromS("x"));
            local.client().putItem(b -> b.tableName(prefix + table).item(item));
            Throwable thrown = catchThrowable(() -> t.get("x"));
            if (thrown == null) {
                return String.valueOf(t.get("x").orElseThrow());
            }
            assertThat(thrown).isInstanceOf(InvalidRequestException.class);
            return thrown.getMessage();
        }
    }
}
