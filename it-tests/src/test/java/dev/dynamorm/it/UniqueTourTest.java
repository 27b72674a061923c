package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.examples.unique.Member;
import dev.dynamorm.examples.unique.UniqueTour;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's unique-constraint tour on the embedded engine. */
final class UniqueTourTest {

    @Test
    void uniqueTour_refusesTheTakenAddress_untilItIsFreed() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            List<Object> seen = UniqueTour.tour(local.client());
            assertThat(seen.get(0)).isEqualTo("email ada@example.com");
            assertThat(seen.subList(1, seen.size()))
                    .containsExactlyInAnyOrder(
                            new Member("m1", "ada@example.org", "Ada"),
                            new Member("m2", "ada@example.com", "Eve"));
        }
    }
}
