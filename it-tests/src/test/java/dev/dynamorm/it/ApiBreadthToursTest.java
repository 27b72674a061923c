package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.examples.AsyncTour;
import dev.dynamorm.examples.ModifiersTour;
import dev.dynamorm.examples.vector.VectorTour;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's async, vector search and query modifier programs (issue 20) as a user would and
 * checks what they print.
 */
final class ApiBreadthToursTest {

    /** What a program printed to standard output. */
    private static String printed(Runnable program) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void vectorTour_printsTheTwoNearestNewsDocuments() {
        String[] lines = printed(() -> VectorTour.main(new String[0])).strip().split("\\R");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("Rain tomorrow 0.0");
        assertThat(lines[1]).startsWith("Sunny weekend 0.0061");
    }

    @Test
    void modifiersTour_printsTheModifierAndWhatItFound() {
        String[] lines = printed(() -> ModifiersTour.main(new String[0])).strip().split("\\R");

        assertThat(lines).containsExactly("[createdAfter]", "1 order(s), 2 not cancelled");
    }

    @Test
    void asyncTour_chainsItsWrites_andPrintsWhatEachStepSaw() {
        String printed = printed(() -> AsyncTour.main(new String[0])).strip();

        // created and read back; the update answers no item (ReturnValue.NONE) and the page read
        // after it sees SHIPPED; one page, no PAID order left, one item in the table; then the
        // async batch writer stores two more
        assertThat(printed).isEqualTo("o-1 false SHIPPED 1 0 1\nbatch writer: 2 written");
    }
}
