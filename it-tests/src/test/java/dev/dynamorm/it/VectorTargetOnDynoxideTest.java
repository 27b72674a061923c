package dev.dynamorm.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link VectorTargetSuite} on Dynoxide, on request only ({@code
 * -Ddynamorm.it.vectorTarget.dynoxide=true}): Dynoxide indexes each vector as it is written, and
 * loading the 10 000 vectors took over six minutes for one distance function on a shared build
 * machine. {@link VectorSearchSuite} covers Dynoxide's vector search at a small scale on every run.
 */
@DynamoBackend(Backend.DYNOXIDE)
final class VectorTargetOnDynoxideTest extends VectorTargetSuite {

    @BeforeEach
    void onRequestOnly() {
        assumeTrue(
                Boolean.getBoolean("dynamorm.it.vectorTarget.dynoxide"),
                "loading 10 000 vectors of 256 dimensions into Dynoxide takes minutes per distance"
                        + " function; run with -Ddynamorm.it.vectorTarget.dynoxide=true");
    }
}
