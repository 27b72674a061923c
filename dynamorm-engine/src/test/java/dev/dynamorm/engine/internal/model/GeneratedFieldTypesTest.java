package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ConverterProvider;
import dev.dynamorm.MissingConverterException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.NamingConvention;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Ttl;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.spi.schema.FieldSchema;
import dev.dynamorm.spi.schema.ModelSchema;
import dev.dynamorm.spi.schema.SchemaTypes;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generated fields of parameterized types given as raw class and class arguments ({@code
 * FieldSchema.builder(name, List.class, String.class)}, as the processor writes them): registered
 * like the same fields found by reflection, with the same stand-ins, converters, generic types,
 * paths and errors, their {@code ParameterizedType} made only where the engine needs it.
 */
final class GeneratedFieldTypesTest {

    @DynamoTable("bags")
    record Bag(
            @PartitionKey String id,
            List<String> tags,
            Set<String> labels,
            Map<String, String> attrs,
            Map<String, Integer> counts,
            List<Long> sizes,
            Map<String, List<String>> groups) {}

    private static final Bag BAG =
            new Bag(
                    "b1",
                    List.of("a", "b"),
                    Set.of("l"),
                    Map.of("k", "v"),
                    Map.of("x", 3),
                    List.of(7L),
                    Map.of("g", List.of("m")));

    /** What the processor writes for {@link Bag}. */
    static final class BagSchema implements ModelSchema<Bag> {
        @Override
        public Class<Bag> type() {
            return Bag.class;
        }

        @Override
        public Optional<String> tableName() {
            return Optional.of("bags");
        }

        @Override
        public NamingConvention naming() {
            return NamingConvention.CAMEL_CASE;
        }

        @Override
        public List<FieldSchema> fields() {
            return List.of(
                    FieldSchema.builder("id", String.class).partitionKey().build(),
                    FieldSchema.builder("tags", List.class, String.class).build(),
                    FieldSchema.builder("labels", Set.class, String.class).build(),
                    FieldSchema.builder("attrs", Map.class, String.class, String.class).build(),
                    FieldSchema.builder("counts", Map.class, String.class, Integer.class).build(),
                    FieldSchema.builder("sizes", List.class, Long.class).build(),
                    FieldSchema.builder(
                                    "groups",
                                    SchemaTypes.parameterized(
                                            Map.class,
                                            String.class,
                                            SchemaTypes.parameterized(List.class, String.class)))
                            .build());
        }

        @Override
        public Object get(Bag b, int field) {
            return switch (field) {
                case 0 -> b.id();
                case 1 -> b.tags();
                case 2 -> b.labels();
                case 3 -> b.attrs();
                case 4 -> b.counts();
                case 5 -> b.sizes();
                default -> b.groups();
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public Bag create(Object[] v) {
            return new Bag(
                    (String) v[0],
                    (List<String>) v[1],
                    (Set<String>) v[2],
                    (Map<String, String>) v[3],
                    (Map<String, Integer>) v[4],
                    (List<Long>) v[5],
                    (Map<String, List<String>>) v[6]);
        }
    }

    private static List<ConverterProvider> builtIns() {
        List<ConverterProvider> found = new ArrayList<>();
        ServiceLoader.load(ConverterProvider.class).forEach(found::add);
        assertThat(found).isNotEmpty();
        return found;
    }

    /** The built-ins and a provider of the user's that answers nothing: no stand-ins. */
    private static List<ConverterProvider> withAUserProvider() {
        List<ConverterProvider> providers = new ArrayList<>(builtIns());
        providers.add((type, lookup) -> Optional.empty());
        return providers;
    }

    private static <T> ReflectiveModel<T> generated(
            ModelSchema<T> schema, List<ConverterProvider> providers) {
        ReflectiveModel<T> model = new ReflectiveModel<>(schema.type());
        new ModelBuilder<>(schema, new ConverterRegistry(providers)).buildInto(model);
        return model;
    }

    private static <T> ModelMetadata<T> reflective(
            Class<T> type, List<ConverterProvider> providers) {
        return new ModelRegistry(new ConverterRegistry(providers)).metadata(type);
    }

    @Test
    void fieldsGivenAsClasses_registerAsTheReflectiveOnes_standInsTypesAndItems() {
        for (List<ConverterProvider> providers : List.of(builtIns(), withAUserProvider())) {
            ModelMetadata<Bag> gen = generated(new BagSchema(), providers);
            ModelMetadata<Bag> ref = reflective(Bag.class, providers);
            for (RecordComponent c : Bag.class.getRecordComponents()) {
                FieldMetadata g = gen.field(c.getName());
                FieldMetadata r = ref.field(c.getName());
                assertThat(g.genericType()).as(c.getName()).isEqualTo(c.getGenericType());
                assertThat(c.getGenericType()).as(c.getName()).isEqualTo(g.genericType());
                assertThat(g.rawType()).as(c.getName()).isEqualTo(c.getType());
                assertThat(g.converter().getClass())
                        .as(c.getName())
                        .isEqualTo(r.converter().getClass());
                assertThat(g.attributeType()).as(c.getName()).isEqualTo(r.attributeType());
                assertThat(g.toString()).isEqualTo(r.toString());
            }
            Map<String, AttributeValue> item = ref.toItem(BAG);
            assertThat(gen.toItem(BAG)).isEqualTo(item);
            assertThat(gen.fromItem(item)).isEqualTo(BAG);
        }
        ModelMetadata<Bag> standIns = generated(new BagSchema(), builtIns());
        for (String f : List.of("tags", "labels", "attrs")) {
            assertThat(standIns.field(f).converter()).as(f).isInstanceOf(BuiltInDefault.class);
        }
        assertThat(standIns.field("tags").converter())
                .hasToString("built-in converter of java.util.List<java.lang.String>");
    }

    @Test
    void pathsIntoAMapGivenAsClasses_reachItsValues_withTheirType() {
        for (List<ConverterProvider> providers : List.of(builtIns(), withAUserProvider())) {
            ModelMetadata<Bag> gen = generated(new BagSchema(), providers);
            FieldMetadata counted = gen.field("counts").nestedModel().orElseThrow().field("x");
            assertThat(counted.genericType()).isEqualTo(Integer.class);
            assertThat(counted.toAttributeValue(5)).isEqualTo(AttributeValue.fromN("5"));
            FieldMetadata attr = gen.field("attrs").nestedModel().orElseThrow().field("k");
            assertThat(attr.genericType()).isEqualTo(String.class);
            assertThat(attr.toAttributeValue("v")).isEqualTo(AttributeValue.fromS("v"));
        }
    }

    @DynamoTable("versioned")
    record Versioned(@PartitionKey String id, @Version List<String> tags) {}

    @DynamoTable("expiring")
    record Expiring(@PartitionKey String id, @Ttl List<String> tags) {}

    @DynamoTable("tasks")
    record Tasks(@PartitionKey String id, List<Runnable> tasks) {}

    /** A generated schema of a record of two fields, the second given as classes. */
    private record PairSchema<T>(Class<T> type, FieldSchema second) implements ModelSchema<T> {
        @Override
        public Optional<String> tableName() {
            return Optional.of("pairs");
        }

        @Override
        public NamingConvention naming() {
            return NamingConvention.CAMEL_CASE;
        }

        @Override
        public List<FieldSchema> fields() {
            return List.of(FieldSchema.builder("id", String.class).partitionKey().build(), second);
        }

        @Override
        public Object get(T instance, int field) {
            throw new UnsupportedOperationException();
        }

        @Override
        public T create(Object[] values) {
            throw new UnsupportedOperationException();
        }
    }

    private static String failure(Runnable build) {
        try {
            build.run();
            return "built";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void errorsOfFieldsGivenAsClasses_nameTheirGenericTypes_asTheReflectivePathDoes() {
        PairSchema<Versioned> versioned =
                new PairSchema<>(
                        Versioned.class,
                        FieldSchema.builder("tags", List.class, String.class).version().build());
        PairSchema<Expiring> expiring =
                new PairSchema<>(
                        Expiring.class,
                        FieldSchema.builder("tags", List.class, String.class).ttl().build());
        PairSchema<Tasks> tasks =
                new PairSchema<>(
                        Tasks.class,
                        FieldSchema.builder("tasks", List.class, Runnable.class).build());

        assertThat(failure(() -> generated(versioned, builtIns())))
                .contains("@Version field 'tags' has type java.util.List<java.lang.String>");
        assertThat(failure(() -> generated(expiring, builtIns())))
                .contains("@Ttl field 'tags' has type java.util.List<java.lang.String>");
        assertThatThrownBy(() -> generated(tasks, builtIns()))
                .isInstanceOf(MissingConverterException.class)
                .hasMessageContaining("java.util.List<java.lang.Runnable>");
        for (List<ConverterProvider> providers : List.of(builtIns(), withAUserProvider())) {
            assertThat(failure(() -> generated(versioned, providers)))
                    .isEqualTo(failure(() -> reflective(Versioned.class, providers)));
            assertThat(failure(() -> generated(expiring, providers)))
                    .isEqualTo(failure(() -> reflective(Expiring.class, providers)));
            assertThat(failure(() -> generated(tasks, providers)))
                    .isEqualTo(failure(() -> reflective(Tasks.class, providers)));
        }
    }
}
