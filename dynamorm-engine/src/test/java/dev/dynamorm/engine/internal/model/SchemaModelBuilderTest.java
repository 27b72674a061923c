package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.ModelSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A model read from a schema the processor did not write (a hand-written {@link ModelSchema}): the
 * generated path skips checks the processor makes at compile time, but refuses the same mistakes
 * when a schema it did not check declares them.
 */
class SchemaModelBuilderTest {

    record Trio(String id, String a, String b) {}

    /** A hand-written schema of {@link Trio} with the given fields. */
    private record TrioSchema(List<FieldSchema> fields) implements ModelSchema<Trio> {
        @Override
        public Class<Trio> type() {
            return Trio.class;
        }

        @Override
        public Optional<String> tableName() {
            return Optional.of("trios");
        }

        @Override
        public NamingConvention naming() {
            return NamingConvention.SNAKE_CASE;
        }

        @Override
        public Object get(Trio instance, int field) {
            return field == 0 ? instance.id() : field == 1 ? instance.a() : instance.b();
        }

        @Override
        public Trio create(Object[] values) {
            return new Trio((String) values[0], (String) values[1], (String) values[2]);
        }
    }

    /**
     * A hand-written schema that keeps its per-field code in another object, as generated schemas
     * do: its own read and write fail, so that only reads and writes through {@link #codec()}
     * succeed.
     */
    private static final class SplitSchema implements ModelSchema<Trio> {
        private final TrioSchema code;
        private int codecCalls;

        SplitSchema(List<FieldSchema> fields) {
            this.code = new TrioSchema(fields);
        }

        @Override
        public Class<Trio> type() {
            return code.type();
        }

        @Override
        public Optional<String> tableName() {
            return code.tableName();
        }

        @Override
        public NamingConvention naming() {
            return code.naming();
        }

        @Override
        public List<FieldSchema> fields() {
            return code.fields();
        }

        @Override
        public Object get(Trio instance, int field) {
            return code.get(instance, field);
        }

        @Override
        public Trio create(Object[] values) {
            return code.create(values);
        }

        @Override
        public void write(
                Trio instance,
                Map<String, AttributeValue> item,
                dev.dynamorm.spi.schema.FieldWriter out) {
            throw new AssertionError("written through the schema, not its codec");
        }

        @Override
        public Trio read(Map<String, AttributeValue> item, dev.dynamorm.spi.schema.FieldReader in) {
            throw new AssertionError("read through the schema, not its codec");
        }

        @Override
        public ModelSchema<Trio> codec() {
            codecCalls++;
            return code;
        }
    }

    private static ReflectiveModel<Trio> build(FieldSchema... fields) {
        ReflectiveModel<Trio> model = new ReflectiveModel<>(Trio.class);
        new ModelBuilder<>(
                        new TrioSchema(List.of(fields)),
                        new ConverterRegistry(List.of(new TestConverters())))
                .buildInto(model);
        return model;
    }

    @Test
    void aHandWrittenSchema_twoFieldsOnOneAttribute_failsNamingBothFieldsAndTheAttribute() {
        assertThatThrownBy(
                        () ->
                                build(
                                        FieldSchema.builder("id", String.class)
                                                .partitionKey()
                                                .build(),
                                        FieldSchema.builder("a", String.class)
                                                .attribute("x")
                                                .build(),
                                        FieldSchema.builder("b", String.class)
                                                .attribute("x")
                                                .build()))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + Trio.class.getName()
                                + ": fields 'a' and 'b' both map to attribute 'x': rename one with "
                                + "@Attribute");
    }

    @Test
    void aHandWrittenSchema_twoFieldsOfOneName_failsAsTwoFieldsOnOneAttribute() {
        assertThatThrownBy(
                        () ->
                                build(
                                        FieldSchema.builder("id", String.class)
                                                .partitionKey()
                                                .build(),
                                        FieldSchema.builder("a", String.class).build(),
                                        FieldSchema.builder("a", String.class).build()))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + Trio.class.getName()
                                + ": fields 'a' and 'a' both map to attribute 'a': rename one with "
                                + "@Attribute");
    }

    @Test
    void aHandWrittenSchema_twoPartitionKeysAroundAPlainField_failsNamingBoth() {
        assertThatThrownBy(
                        () ->
                                build(
                                        FieldSchema.builder("id", String.class)
                                                .partitionKey()
                                                .build(),
                                        FieldSchema.builder("a", String.class).build(),
                                        FieldSchema.builder("b", String.class)
                                                .partitionKey()
                                                .build()))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + Trio.class.getName()
                                + " has two @PartitionKey fields, 'id' and 'b': keep exactly one");
    }

    @Test
    void aSchemaWithAUniqueField_saysSo_asItsFieldDoes() {
        ReflectiveModel<Trio> unique =
                build(
                        FieldSchema.builder("id", String.class).partitionKey().build(),
                        FieldSchema.builder("a", String.class).unique().build(),
                        FieldSchema.builder("b", String.class).build());
        ReflectiveModel<Trio> plain =
                build(
                        FieldSchema.builder("id", String.class).partitionKey().build(),
                        FieldSchema.builder("a", String.class).build(),
                        FieldSchema.builder("b", String.class).build());

        assertThat(unique.anyUnique()).isTrue();
        assertThat(unique.field("a").isUnique()).isTrue();
        assertThat(unique.field("b").isUnique()).isFalse();
        assertThat(plain.anyUnique()).isFalse();
        assertThat(plain.fields()).noneMatch(FieldMetadata::isUnique);
    }

    @Test
    void aSchemaModel_readsAndWritesForEveryOperation_asForGetAndPut() {
        ReflectiveModel<Trio> model =
                build(
                        FieldSchema.builder("id", String.class).partitionKey().build(),
                        FieldSchema.builder("a", String.class).build(),
                        FieldSchema.builder("b", String.class).build());
        Trio trio = new Trio("1", "x", "y");
        Map<String, AttributeValue> item = model.toItem(trio);

        for (Operation op : Operation.values()) {
            assertThat(model.toItem(trio, op)).isEqualTo(item);
            assertThat(model.fromItem(item, op)).isEqualTo(trio);
        }
        assertThat(model.toItem(trio, null)).isEqualTo(item);
        assertThat(model.fromItem(item, null)).isEqualTo(trio);
    }

    @Test
    void aSchemaWithACodec_readsAndWritesThroughIt_askedAtTheFirstItemNotAtRegistration() {
        SplitSchema schema =
                new SplitSchema(
                        List.of(
                                FieldSchema.builder("id", String.class).partitionKey().build(),
                                FieldSchema.builder("a", String.class).build(),
                                FieldSchema.builder("b", String.class).build()));
        ReflectiveModel<Trio> model = new ReflectiveModel<>(Trio.class);
        new ModelBuilder<>(schema, new ConverterRegistry(List.of(new TestConverters())))
                .buildInto(model);
        assertThat(schema.codecCalls).isZero();

        Trio trio = new Trio("1", "x", "y");
        Map<String, AttributeValue> item = model.toItem(trio);
        assertThat(item)
                .containsOnlyKeys("id", "a", "b")
                .containsEntry("a", AttributeValue.fromS("x"));
        assertThat(model.fromItem(item)).isEqualTo(trio);
        for (Operation op : Operation.values()) {
            assertThat(model.toItem(trio, op)).isEqualTo(item);
            assertThat(model.fromItem(item, op)).isEqualTo(trio);
        }
        assertThat(model.toItem(trio, null)).isEqualTo(item);
        assertThat(model.fromItem(item, null)).isEqualTo(trio);
        assertThat(schema.codecCalls).isPositive();
    }

    @Test
    void aSchemaWhoseAttributesAreItsNames_findsEachFieldByNameAndByAttribute() {
        ReflectiveModel<Trio> model =
                build(
                        FieldSchema.builder("id", String.class).partitionKey().build(),
                        FieldSchema.builder("a", String.class).build(),
                        FieldSchema.builder("b", String.class).build());

        assertThat(model.fieldByAttribute("b").name()).isEqualTo("b");
        assertThat(model.field("a").attributeName()).isEqualTo("a");
        assertThat(model.fieldByAttribute("alpha")).isNull();
        assertThat(model.fromItem(model.toItem(new Trio("1", "x", "y"))))
                .isEqualTo(new Trio("1", "x", "y"));
    }

    @Test
    void aSchemaOfPlainFields_mapsEachByItsNamingAndRename_withoutRoles_andRoundTrips() {
        ReflectiveModel<Trio> model =
                build(
                        FieldSchema.builder("id", String.class).partitionKey().build(),
                        FieldSchema.builder("a", String.class).attribute("alpha").build(),
                        FieldSchema.builder("b", String.class).build());

        assertThat(model.fields())
                .extracting(FieldMetadata::attributeName)
                .containsExactly("id", "alpha", "b");
        assertThat(model.partitionKey().name()).isEqualTo("id");
        FieldMetadata b = model.field("b");
        assertThat(b.isPartitionKey() || b.isSortKey() || b.isVersion() || b.isCreatedAt())
                .isFalse();
        assertThat(b.isUpdatedAt() || b.isTtl() || b.isUnique() || b.isEncrypted()).isFalse();
        assertThat(b.transforms()).isEmpty();
        assertThat(model.fieldByAttribute("alpha").name()).isEqualTo("a");
        assertThat(model.fieldByAttribute("id").name()).isEqualTo("id");
        assertThat(model.fieldByAttribute("a")).isNull();
        assertThat(model.versionField()).isEmpty();
        assertThat(model.encryptedFields()).isEmpty();

        Map<String, AttributeValue> item = model.toItem(new Trio("1", "x", "y"));
        assertThat(item)
                .containsOnlyKeys("id", "alpha", "b")
                .containsEntry("alpha", AttributeValue.fromS("x"));
        assertThat(model.fromItem(item)).isEqualTo(new Trio("1", "x", "y"));
    }
}
