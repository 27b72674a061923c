package dev.dynamorm.engine.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.expr.Expression;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class PlanCacheTest {

    private static CompiledPlan plan(String shape) {
        return new CompiledPlan(
                Operation.QUERY,
                null,
                new Expression(
                        "#n0 = :v0", Map.of("#n0", "id"), Map.of(), Map.of(), Set.of("id"), null),
                null,
                null,
                Map.of("#n0", "id"),
                List.of(),
                0,
                Map.of(),
                null,
                true,
                false,
                List.of("id"),
                List.of(),
                "test",
                shape,
                false);
    }

    @Test
    void get_compilesOncePerShape_andCountsHitsAndMisses() {
        PlanCache cache = new PlanCache(4);
        AtomicInteger compiled = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            cache.get(
                    "a",
                    () -> {
                        compiled.incrementAndGet();
                        return plan("a");
                    });
        }
        assertThat(compiled).hasValue(1);
        assertThat(cache.hits()).isEqualTo(4);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void get_evictsTheLeastRecentlyUsed_beyondCapacity() {
        PlanCache cache = new PlanCache(3);
        for (String s : List.of("a", "b", "c")) {
            cache.get(s, () -> plan(s));
        }
        cache.get("a", () -> plan("a"));
        cache.get("d", () -> plan("d"));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.evictions()).isEqualTo(1);
        AtomicInteger compiled = new AtomicInteger();
        cache.get(
                "a",
                () -> {
                    compiled.incrementAndGet();
                    return plan("a");
                });
        cache.get(
                "b",
                () -> {
                    compiled.incrementAndGet();
                    return plan("b");
                });
        assertThat(compiled).as("a was used recently and kept, b was evicted").hasValue(1);
        for (int i = 0; i < 1000; i++) {
            String s = "s" + i;
            cache.get(s, () -> plan(s));
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.capacity()).isEqualTo(3);
    }

    @Test
    void get_doesNotCacheFailures() {
        PlanCache cache = new PlanCache(2);
        assertThatThrownBy(
                        () ->
                                cache.get(
                                        "bad",
                                        () -> {
                                            throw new IllegalStateException("no");
                                        }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void constructor_rejectsCapacityBelowOne() {
        assertThatThrownBy(() -> new PlanCache(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan cache capacity must be at least 1, got 0");
    }
}
