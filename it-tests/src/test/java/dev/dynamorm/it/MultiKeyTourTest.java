package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.examples.MultiKeyTour;
import dev.dynamorm.local.LocalDynamoDb;
import org.junit.jupiter.api.Test;

/** Runs the README's multi-attribute index key example on the embedded engine. */
final class MultiKeyTourTest {

    @Test
    void semiFinalsOfOneTournamentAndRegion_inBracketOrder() {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build()) {
            assertThat(MultiKeyTour.semiFinalWinners(db)).containsExactly("bob", "ann");
        }
    }
}
