package dev.dynamorm.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AsyncOverheadBenchmark}'s setup runs every variant once and checks that the async view
 * (reflective and generated models) and the hand-written async code read the same order and the
 * same page over the canned async client, with the SDK completing its futures on its own executor
 * and on the completing thread.
 */
final class AsyncOverheadBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"sdk", "direct"})
    void setUp_checksThatBothVariantsDoTheSameWork(String completion) {
        AsyncOverheadBenchmark bench = new AsyncOverheadBenchmark();
        bench.completion = completion;
        bench.setUp();
        try {
            assertEquals(bench.query25_handwritten(), bench.query25_dynamorm());
            assertEquals(bench.get_handwritten(), bench.get_dynamorm().orElseThrow());
            assertEquals(bench.query25_handwritten().size(), bench.query25_generated().size());
            assertEquals(
                    bench.get_handwritten().orderId(),
                    bench.get_generated().orElseThrow().orderId());
        } finally {
            bench.tearDown();
        }
    }
}
