package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.VectorDistance;
import dev.dynamorm.annotations.VectorIndex;

/**
 * A point of the vector search target (10 000 vectors of 256 dimensions): searched by dot product
 * distance, filterable by {@code category}.
 *
 * @param id the key
 * @param category what searches filter on
 * @param vector the embedding
 */
@DynamoTable("dot-points")
public record DotPoint(
        @PartitionKey String id,
        String category,
        @VectorIndex(
                        name = "by-dot",
                        dimensions = 256,
                        distance = VectorDistance.DOT_PRODUCT,
                        filters = "category")
                float[] vector) {}
