package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VectorIndexProcessorTest {

    private static Compilation compile(Path dir, String name, String source) {
        return Compilation.compile(dir, true, Map.of("vec/" + name + ".java", source));
    }

    @Test
    void validVectorIndexes_compile(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "Doc",
                        """
                        package vec;

                        import dev.dynamorm.annotations.*;
                        import java.util.List;

                        @DynamoTable("docs")
                        public record Doc(
                                @PartitionKey String id,
                                String category,
                                @VectorIndex(name = "by-embedding", dimensions = 3, filters = "category")
                                        float[] embedding,
                                @VectorIndex(name = "by-list", dimensions = 2,
                                        distance = VectorDistance.DOT_PRODUCT,
                                        partitionKey = "category")
                                        List<Float> other) {}
                        """);
        assertThat(c.errors()).isEmpty();
        assertThat(c.success).isTrue();
    }

    @Test
    void invalidVectorIndexes_areCompileErrors_worded_likeTheEngine(@TempDir Path dir) {
        Compilation c =
                compile(
                        dir,
                        "Bad",
                        """
                        package vec;

                        import dev.dynamorm.annotations.*;

                        @DynamoTable("bad")
                        public record Bad(
                                @PartitionKey String id,
                                @VectorIndex(name = "v", dimensions = 5000, filters = "nope",
                                        include = "id")
                                        double[] embedding) {}
                        """);
        assertThat(c.success).isFalse();
        assertThat(String.join("\n", c.errors()))
                .contains(
                        "model vec.Bad: @VectorIndex field 'embedding' is double[]: declare it as float[] or List<Float>")
                .contains(
                        "model vec.Bad: vector index name 'v' on field 'embedding' must be 3 to 255 characters of [a-zA-Z0-9_.-]")
                .contains(
                        "model vec.Bad: vector index 'v' has 5000 dimensions: DynamoDB allows 1 to 4096")
                .contains("model vec.Bad: vector index 'v' names unknown field 'nope' in filters")
                .contains(
                        "model vec.Bad: vector index 'v' lists include fields but projects ALL: set projection = INCLUDE");
    }
}
