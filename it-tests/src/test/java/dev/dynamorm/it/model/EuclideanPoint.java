package dev.dynamorm.it.model;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.VectorDistance;
import dev.dynamorm.annotations.VectorIndex;

/**
 * A point of the vector search target (10 000 vectors of 256 dimensions): searched by Euclidean
 * (L2) distance, filterable by {@code category}.
 *
 * @param id the key
 * @param category what searches filter on
 * @param vector the embedding
 */
@DynamoTable("euclidean-points")
public record EuclideanPoint(
        @PartitionKey String id,
        String category,
        @VectorIndex(
                        name = "by-euclidean",
                        dimensions = 256,
                        distance = VectorDistance.EUCLIDEAN,
                        filters = "category")
                float[] vector) {}
