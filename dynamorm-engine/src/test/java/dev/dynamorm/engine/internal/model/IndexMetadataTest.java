package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.ProjectionType;
import dev.dynamorm.annotations.SortKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a model's indexes read: their description and their identity. */
final class IndexMetadataTest {

    private final ModelRegistry registry = TestConverters.registry();

    @DynamoTable("games")
    record Game(
            @PartitionKey String id,
            @SortKey String at,
            @IndexKey(
                            index = "by-match",
                            order = 1,
                            projection = ProjectionType.INCLUDE,
                            include = {"score", "note"})
                    String tournament,
            @IndexKey(index = "by-match", order = 2) String region,
            @IndexKey(index = "by-match", role = KeyRole.SORT) String round,
            @IndexKey(index = "by-round", type = IndexType.LOCAL, role = KeyRole.SORT) String stage,
            long score,
            String note) {}

    @Test
    void toString_namesTheKeysInOrderAndTheProjection() {
        List<IndexMetadata> indexes = registry.metadata(Game.class).indexes();

        assertThat(indexes)
                .extracting(IndexMetadata::toString)
                .containsExactly(
                        "Index[by-match, global, pk=tournament, region, sk=round, INCLUDE [score, note]]",
                        "Index[by-round, local, pk=id, sk=stage, ALL]");
    }

    @Test
    void eachIndexIsOneInstanceOfItsModel_andNothingComparesIndexesByValue() {
        ModelMetadata<Game> model = registry.metadata(Game.class);
        IndexMetadata match = model.indexes().get(0);
        IndexMetadata round = model.indexes().get(1);
        IndexMetadata copy =
                new IndexMetadata(
                        match.name(),
                        match.global(),
                        match.partitionKeys(),
                        match.sortKeys(),
                        match.projection(),
                        match.includedAttributes());

        // the query compiler tells a forced index from the others with ==
        assertThat(registry.metadata(Game.class).indexes().get(0)).isSameAs(match);
        assertThat(round).isNotSameAs(match);
        assertThat(copy).isNotEqualTo(match);
        assertThat(copy.toString()).isEqualTo(match.toString());
        assertThat(copy.multiAttribute()).isTrue();
        assertThat(round.multiAttribute()).isFalse();
    }
}
