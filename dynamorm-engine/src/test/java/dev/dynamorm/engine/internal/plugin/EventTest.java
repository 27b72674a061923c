package dev.dynamorm.engine.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.Operation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What hooks see of an operation that spans tables. */
final class EventTest {

    @Test
    void optionalOfAbsentModel_isEmptyForMultiTableEvents() {
        Event e = Event.multiTable(Operation.BATCH_WRITE);
        assertThat(e.model()).isEqualTo(Optional.empty());
        assertThat(e.modelType()).isEqualTo(Object.class);
        assertThat(e.items()).isEmpty();
    }
}
