package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.it.model.AllTypes;
import dev.dynamorm.test.DynamoBackend;
import dev.dynamorm.test.assertions.RequestRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A list index on a field that is not a list, or an index no list can reach, is refused before
 * sending with the field named, not sent (nor a raw {@code NumberFormatException}).
 */
@DynamoBackend(models = AllTypes.class, recordRequests = true)
final class ListIndexPathsTest {

    private static final String MODEL = "dev.dynamorm.it.model.AllTypes";

    private Table<AllTypes> table;
    private AllTypes item;

    @BeforeEach
    void setUp(DynamORM db, RequestRecorder requests) {
        table = db.table(AllTypes.class);
        item = ConvertersSuite.typical("list-index");
        table.put(item);
        requests.clear();
    }

    @Test
    void anIndexOnANumberField_isRefused(RequestRecorder requests) {
        assertThatThrownBy(() -> table.update(item, u -> u.increment("big[0]", 1)))
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(
                        "unknown field 'big[0]' in model "
                                + MODEL
                                + ": 'big' is long, not a list, so it has no element [0]");
        assertThatThrownBy(
                        () -> table.where("id", "=", "list-index").filter("big[0]", "=", 1).all())
                .isInstanceOf(UnknownFieldException.class)
                .hasMessageContaining("'big' is long, not a list, so it has no element [0]");
        assertThat(requests.requests()).isEmpty();
    }

    @Test
    void anIndexBeyondAnyList_isRefused_notANumberFormatException(RequestRecorder requests) {
        assertThatThrownBy(() -> table.update(item, u -> u.set("list[99999999999]", "x")))
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(
                        "unknown field 'list[99999999999]' in model "
                                + MODEL
                                + ": list index 99999999999 is out of range");
        assertThat(requests.requests()).isEmpty();
    }

    @Test
    void anIndexOnAList_stillWorks() {
        table.update(item, u -> u.set("list[0]", "first"));

        assertThat(table.get("list-index").orElseThrow().list()).startsWith("first");
    }
}
