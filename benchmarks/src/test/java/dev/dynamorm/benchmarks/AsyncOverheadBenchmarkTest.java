package dev.dynamorm.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link AsyncOverheadBenchmark}'s setup runs every variant once and checks that the async view and
 * the hand-written async code read the same order and the same page over the canned async client.
 */
final class AsyncOverheadBenchmarkTest {

    @Test
    void setUp_checksThatBothVariantsDoTheSameWork() {
        AsyncOverheadBenchmark bench = new AsyncOverheadBenchmark();
        bench.setUp();
        try {
            assertEquals(bench.query25_handwritten(), bench.query25_dynamorm());
            assertEquals(bench.get_handwritten(), bench.get_dynamorm().orElseThrow());
        } finally {
            bench.tearDown();
        }
    }
}
