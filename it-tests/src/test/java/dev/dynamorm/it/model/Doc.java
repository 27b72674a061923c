package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.VectorDistance;
import dev.dynamorm.annotations.VectorIndex;
import java.util.List;

/**
 * A model with vector indexes: two on {@code embedding} (cosine and dot product, filterable by
 * category) and one on {@code features}, partitioned by tenant and projecting keys only.
 */
@DynamoTable("docs")
public record Doc(
        @PartitionKey String id,
        String category,
        String tenant,
        String title,
        @VectorIndex(
                        name = "by-embedding",
                        dimensions = 8,
                        distance = VectorDistance.COSINE,
                        filters = "category")
                float[] embedding,
        @VectorIndex(
                        name = "by-features",
                        dimensions = 4,
                        distance = VectorDistance.EUCLIDEAN,
                        partitionKey = "tenant",
                        projection = ProjectionType.KEYS_ONLY)
                List<Float> features) {}
