package dev.dynamorm.examples.vector;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.VectorDistance;
import dev.dynamorm.annotations.VectorIndex;

/**
 * A document with an embedding searched by the README's vector-search example.
 *
 * @param id key
 * @param category what searches filter on
 * @param title title
 * @param embedding the vector, indexed by {@code by-embedding}
 */
// a vector is a float[], as DynamoDB's SearchVectors takes it; documents are compared by id, never
// by record equality
@SuppressWarnings("ArrayRecordComponent")
@DynamoTable("docs")
public record Doc(
        @PartitionKey String id,
        String category,
        String title,
        @VectorIndex(
                        name = "by-embedding",
                        dimensions = 3,
                        distance = VectorDistance.COSINE, // or EUCLIDEAN, DOT_PRODUCT
                        filters = "category") // fields a search may filter on
                float[] embedding) {}
