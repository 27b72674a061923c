package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.VectorDistance;
import dev.dynamorm.annotations.VectorIndex;

/**
 * A point of the vector search target (10 000 vectors of 256 dimensions): searched by cosine
 * distance, filterable by {@code category}.
 *
 * @param id the key
 * @param category what searches filter on
 * @param vector the embedding
 */
@DynamoTable("cosine-points")
public record CosinePoint(
        @PartitionKey String id,
        String category,
        @VectorIndex(
                        name = "by-cosine",
                        dimensions = 256,
                        distance = VectorDistance.COSINE,
                        filters = "category")
                float[] vector) {}
