package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Converter;
import dev.dynamorm.ConverterLookup;
import dev.dynamorm.ConverterProvider;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class ConverterRegistryTest {

    /** Answers for String with a tagged converter, counting calls. */
    private static final class Tagged implements ConverterProvider {
        final String tag;
        final int priority;
        final AtomicInteger calls = new AtomicInteger();

        Tagged(String tag, int priority) {
            this.tag = tag;
            this.priority = priority;
        }

        @Override
        public Optional<Converter<?>> converterFor(Type type, ConverterLookup lookup) {
            calls.incrementAndGet();
            if (type != String.class) {
                return Optional.empty();
            }
            return Optional.of(
                    TestConverters.scalar(
                            AttributeValue.Type.S,
                            v -> AttributeValue.fromS(tag + v),
                            AttributeValue::s,
                            null));
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public String toString() {
            return tag;
        }
    }

    @Test
    void providers_areSortedByDescendingPriority_stableForTies_withNestedProviderLast() {
        Tagged a = new Tagged("a", 100);
        Tagged b = new Tagged("b", 0);
        Tagged c = new Tagged("c", 100);
        Tagged d = new Tagged("d", 200);

        ConverterRegistry registry = new ConverterRegistry(List.of(a, b, c, d));

        assertThat(registry.providers()).hasSize(5);
        assertThat(registry.providers().subList(0, 4)).containsExactly(d, a, c, b);
        assertThat(registry.providers().get(4)).isInstanceOf(NestedModelProvider.class);
    }

    @SuppressWarnings("unchecked")
    @Test
    void find_highestPriorityAnswer_wins() {
        ConverterRegistry registry =
                new ConverterRegistry(List.of(new Tagged("low-", 0), new Tagged("high-", 5)));

        Converter<Object> converter = (Converter<Object>) registry.find(String.class).orElseThrow();

        assertThat(converter.toAttributeValue("x")).isEqualTo(AttributeValue.fromS("high-x"));
    }

    @Test
    void find_cachesAnswersAndMissesPerType() {
        Tagged provider = new Tagged("t", 0);
        ConverterRegistry registry = new ConverterRegistry(List.of(provider));

        Converter<?> first = registry.find(String.class).orElseThrow();
        Converter<?> second = registry.find(String.class).orElseThrow();
        assertThat(registry.find(Thread.class)).isEmpty();
        assertThat(registry.find(Thread.class)).isEmpty();

        assertThat(second).isSameAs(first);
        assertThat(provider.calls).hasValue(2);
    }

    @Test
    void find_containersLookingUpElementsWhileAsked_work() throws Exception {
        ConverterRegistry registry = new ConverterRegistry(List.of(new TestConverters()));
        Type nested = ConverterRegistryTest.class.getDeclaredField("nested").getGenericType();

        @SuppressWarnings("unchecked")
        Converter<Object> converter = (Converter<Object>) registry.find(nested).orElseThrow();

        AttributeValue av = converter.toAttributeValue(Map.of("k", List.of(List.of("a"))));
        assertThat(av.m().get("k").l().get(0).l().get(0).s()).isEqualTo("a");
        assertThat(registry.find(nested).orElseThrow()).isSameAs(converter);
    }

    @SuppressWarnings("unused")
    private Map<String, List<List<String>>> nested;

    record Point(int x, int y) {}

    @Test
    void find_applicationRecord_isStoredAsMapByTheEngine() {
        ConverterRegistry registry = new ConverterRegistry(List.of(new TestConverters()));

        Converter<?> converter = registry.find(Point.class).orElseThrow();

        assertThat(converter).isInstanceOf(ReflectiveModel.class);
        assertThat(((ReflectiveModel<?>) converter).type()).isEqualTo(Point.class);
        assertThat(converter.attributeType()).isEqualTo(AttributeValue.Type.M);
        assertThat(registry.find(Object.class)).isEmpty();
        assertThat(registry.find(Thread.class)).isEmpty();
        assertThat(registry.find(Runnable.class)).isEmpty();
    }

    @Test
    void find_userProviderForARecord_winsOverTheEngine() {
        Converter<Object> custom =
                TestConverters.scalar(
                        AttributeValue.Type.S,
                        p -> AttributeValue.fromS("p"),
                        a -> new Point(0, 0),
                        null);
        ConverterProvider forPoint =
                (type, lookup) -> type == Point.class ? Optional.of(custom) : Optional.empty();
        ConverterRegistry registry =
                new ConverterRegistry(new ArrayList<>(List.of(new TestConverters(), forPoint)));

        assertThat(registry.find(Point.class)).containsSame(custom);
    }

    @Test
    void modelRegistries_overOneConverterRegistry_shareMetadata() {
        ConverterRegistry converters = new ConverterRegistry(List.of(new TestConverters()));

        assertThat(new ModelRegistry(converters).nestedMetadata(Point.class))
                .isSameAs(new ModelRegistry(converters).nestedMetadata(Point.class));
    }
}
