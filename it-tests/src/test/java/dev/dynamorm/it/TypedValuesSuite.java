package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.AllTypes;
import dev.dynamorm.it.model.Color;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every value a user gives reaches DynamoDB through its field's converter: text for an {@code
 * Instant}, an enum or a {@code UUID} field is read as the field's type and written in its stored
 * form, or refused before anything is sent; nothing stored is left that a read cannot map back.
 */
@DynamoBackend(models = AllTypes.class)
abstract class TypedValuesSuite {

    private static final String MODEL = "dev.dynamorm.it.model.AllTypes";

    private DynamORM db;
    private BackendContext backend;
    private Table<AllTypes> table;
    private String id;

    @BeforeEach
    void setUp(DynamORM db, BackendContext backend) {
        this.db = db;
        this.backend = backend;
        table = db.table(AllTypes.class);
        id = UUID.randomUUID().toString();
        table.put(ConvertersSuite.typical(id));
    }

    @Test
    void updateValuesThatDoNotFitTheirField_areRefused_andTheItemStaysReadable() {
        AllTypes item = table.get(id).orElseThrow();

        assertThatThrownBy(() -> table.update(item, u -> u.set("color", "NOT_A_COLOR")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'NOT_A_COLOR' (String) does not fit field 'color' of model "
                                + MODEL
                                + ", which is dev.dynamorm.it.model.Color");
        assertThatThrownBy(() -> table.update(item, u -> u.set("uuid", "not-a-uuid")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'not-a-uuid' (String) does not fit field 'uuid' of model "
                                + MODEL
                                + ", which is java.util.UUID");
        assertThatThrownBy(() -> table.update(item, u -> u.setIfNotExists("instant", "yesterday")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'yesterday' (String) does not fit field 'instant' of model "
                                + MODEL
                                + ", which is java.time.Instant");
        assertThatThrownBy(() -> table.update(item, u -> u.set("big", 1.5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 1.5 (Double) does not fit field 'big' of model "
                                + MODEL
                                + ", which is long");
        assertThatThrownBy(() -> table.update(item, u -> u.setListElement("list", 0, 5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 5 (Integer) does not fit list element 'list[0]' of model "
                                + MODEL
                                + ", which is java.util.List<java.lang.String>");

        assertThat(table.get(id).orElseThrow()).usingRecursiveComparison().isEqualTo(item);
    }

    @Test
    void textForTypedFields_isStoredInTheFieldsForm() {
        AllTypes item = table.get(id).orElseThrow();
        UUID uuid = UUID.randomUUID();

        table.update(
                item,
                u ->
                        u.set("color", "BLUE")
                                .set("uuid", uuid.toString())
                                .set("instant", "2026-01-01T00:00:00Z")
                                .set("big", 7));

        AllTypes back = table.get(id).orElseThrow();
        assertThat(back.color()).isEqualTo(Color.BLUE);
        assertThat(back.uuid()).isEqualTo(uuid);
        assertThat(back.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(back.big()).isEqualTo(7L);
    }

    @Test
    void textInConditions_comparesWithTheStoredForm_orIsRefused() {
        AllTypes item = table.get(id).orElseThrow();
        table.update(item, u -> u.set("instant", Instant.parse("2026-01-01T00:00:00Z")));

        // stored as ...00.000000000Z: the text is read as an Instant, not compared as it is
        assertThat(table.where("id", "=", id).filter("instant", ">=", "2026-01-01T00:00:00Z").all())
                .hasSize(1);
        assertThat(table.where("id", "=", id).filter("color", "=", item.color().name()).all())
                .hasSize(1);
        assertThatThrownBy(
                        () -> table.where("id", "=", id).filter("instant", ">=", "yesterday").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'yesterday' (String) does not fit field 'instant' of model "
                                + MODEL
                                + ", which is java.time.Instant");
        assertThatThrownBy(
                        () ->
                                table.update(
                                        item,
                                        u ->
                                                u.set("text", "changed")
                                                        .when(
                                                                Condition.when(
                                                                        "color", "=", "PURPLE"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'PURPLE' (String) does not fit field 'color' of model "
                                + MODEL
                                + ", which is dev.dynamorm.it.model.Color");
        assertThat(table.get(id).orElseThrow().text()).isEqualTo(item.text());
    }

    @Test
    void textInTransactionConditions_comparesWithTheStoredForm_orIsRefused() {
        assumeTrue(
                backend.supportsTransactions(), backend.backend() + " has no TransactWriteItems");
        table.update(
                table.get(id).orElseThrow(),
                u -> u.set("instant", Instant.parse("2026-01-01T00:00:00Z")));
        AllTypes stored = table.get(id).orElseThrow();

        // both conditions hold only if the text is sent in the stored form
        db.transaction(
                tx ->
                        tx.update(
                                stored,
                                u ->
                                        u.set("text", "in a transaction")
                                                .when(
                                                        Condition.when(
                                                                        "instant",
                                                                        "=",
                                                                        "2026-01-01T00:00:00Z")
                                                                .and(
                                                                        Condition.when(
                                                                                "color",
                                                                                "=",
                                                                                stored.color()
                                                                                        .name())))));
        assertThat(table.get(id).orElseThrow().text()).isEqualTo("in a transaction");

        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.conditionCheck(
                                                        stored,
                                                        Condition.when(
                                                                "instant", "<", "yesterday"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'yesterday' (String) does not fit field 'instant' of model "
                                + MODEL
                                + ", which is java.time.Instant");
        assertThat(table.get(id).orElseThrow().text()).isEqualTo("in a transaction");
    }

    @Test
    void dottedPathsIntoAMapField_updateAndFilterThroughTheValueType() {
        AllTypes item = table.get(id).orElseThrow();
        assertThat(item.map()).containsEntry("one", 1);

        table.update(item, u -> u.increment("map.one", 5).set("map.three", 3));

        AllTypes back = table.get(id).orElseThrow();
        assertThat(back.map()).containsEntry("one", 6).containsEntry("three", 3);
        assertThat(table.where("id", "=", id).filter("map.one", "=", 6).all()).hasSize(1);
        assertThat(table.where("id", "=", id).filter("map.three", "=", 3).all()).hasSize(1);
        assertThat(table.where("id", "=", id).filter("map.two", ">", 2).all()).isEmpty();
        assertThatThrownBy(() -> table.update(back, u -> u.set("map.four", "4")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value '4' (String) does not fit field 'map.four' of model "
                                + MODEL
                                + ", which is java.lang.Integer");
        assertThatThrownBy(() -> table.where("id", "=", id).filter("map.one", "=", "six").all())
                .isInstanceOf(InvalidRequestException.class);
        assertThat(table.get(id).orElseThrow().map()).doesNotContainKey("four");
    }
}
