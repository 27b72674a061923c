package dev.dynamorm.test.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.Query;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;
import dev.dynamorm.test.KitOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MockDB treats values given for typed fields as the engine does (issue 14.2): text for an {@code
 * Instant} or enum field is read as the field's type, so it matches an expectation programmed with
 * the typed value, and text the field's converter cannot read is refused with the engine's message.
 * Each refusal is checked against the embedded engine, which must give the same message.
 */
@DynamoBackend(
        value = Backend.EMBEDDED,
        models = {KitOrder.class, MockTypedValuesTest.Event.class})
final class MockTypedValuesTest {

    private static final String MODEL = "dev.dynamorm.test.KitOrder";
    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

    /** A model keyed by typed values. */
    @DynamoTable("events")
    public record Event(@PartitionKey UUID id, @SortKey Instant at, String text) {}

    private MockDB mock;
    private Table<KitOrder> mockOrders;
    private Table<KitOrder> engineOrders;
    private DynamORM engine;

    @BeforeEach
    void setUp(DynamORM engine) {
        this.engine = engine;
        mock = MockDB.create();
        mockOrders = mock.table(KitOrder.class);
        engineOrders = engine.table(KitOrder.class);
        engineOrders.put(MockDBTest.PAID);
    }

    /** The same call fails on the engine and on MockDB with the same exception and message. */
    private void refusedAlike(Function<Table<KitOrder>, ThrowingCallable> call, String message) {
        Throwable engine = catchThrowable(call.apply(engineOrders));
        Throwable mocked = catchThrowable(call.apply(mockOrders));
        assertThat(engine).isInstanceOf(InvalidRequestException.class).hasMessage(message);
        assertThat(mocked).isInstanceOf(InvalidRequestException.class).hasMessage(message);
    }

    @Test
    void instantAsText_matchesTheTypedValue_asOnTheEngine() {
        assertThat(
                        engineOrders
                                .where("customerId", "=", "c-1")
                                .filter("createdAt", ">=", "2026-01-01T00:00:00Z")
                                .all())
                .containsExactly(MockDBTest.PAID);

        mock.expect(mockOrders.where("customerId", "=", "c-1").filter("createdAt", ">=", NEW_YEAR))
                .returns(MockDBTest.PAID);
        Query<KitOrder> asText =
                mockOrders
                        .where("customerId", "=", "c-1")
                        .filter("createdAt", ">=", "2026-01-01T00:00:00Z");
        assertThat(asText.all()).containsExactly(MockDBTest.PAID);

        // and the other way round: programmed with text, called with the Instant
        mock.expect(
                        mockOrders
                                .where("customerId", "=", "c-1")
                                .filter("createdAt", "<", "2027-01-01T00:00:00Z"))
                .returnsCount(1);
        assertThat(
                        mockOrders
                                .where("customerId", "=", "c-1")
                                .filter("createdAt", "<", Instant.parse("2027-01-01T00:00:00Z"))
                                .count())
                .isEqualTo(1);
        mock.verifyAllExpectationsMet();
    }

    @Test
    void textAnInstantFieldCannotRead_isRefusedWithTheEnginesMessage() {
        refusedAlike(
                orders ->
                        () ->
                                orders.where("customerId", "=", "c-1")
                                        .filter("createdAt", ">=", "yesterday")
                                        .all(),
                "value 'yesterday' (String) does not fit field 'createdAt' of model "
                        + MODEL
                        + ", which is java.time.Instant");
        assertThat(mock.calls()).isEmpty();
    }

    @Test
    void enumAsText_matchesTheConstant_andAnUnknownConstantIsRefused() {
        mock.expect(mockOrders.where("status", "=", KitOrder.Status.PAID)).returns(MockDBTest.PAID);
        assertThat(mockOrders.where("status", "=", "PAID").all()).containsExactly(MockDBTest.PAID);
        assertThat(engineOrders.where("status", "=", "PAID").all())
                .containsExactly(MockDBTest.PAID);

        refusedAlike(
                orders -> () -> orders.where("status", "=", "PURPLE").all(),
                "value 'PURPLE' (String) does not fit field 'status' of model "
                        + MODEL
                        + ", which is dev.dynamorm.test.KitOrder$Status");
        refusedAlike(
                orders ->
                        () ->
                                orders.where("customerId", "=", "c-1")
                                        .filter("status", "IN", List.of("PAID", "PURPLE"))
                                        .all(),
                "value 'PURPLE' (String) does not fit field 'status' of model "
                        + MODEL
                        + ", which is dev.dynamorm.test.KitOrder$Status");
    }

    @Test
    void updateValuesThatDoNotFitTheirField_areRefusedWithTheEnginesMessages() {
        KitOrder item = MockDBTest.PAID;
        refusedAlike(
                orders -> () -> orders.update(item, u -> u.set("status", "NOT_A_STATUS")),
                "value 'NOT_A_STATUS' (String) does not fit field 'status' of model "
                        + MODEL
                        + ", which is dev.dynamorm.test.KitOrder$Status");
        refusedAlike(
                orders -> () -> orders.update(item, u -> u.setIfNotExists("createdAt", "soon")),
                "value 'soon' (String) does not fit field 'createdAt' of model "
                        + MODEL
                        + ", which is java.time.Instant");
        refusedAlike(
                orders -> () -> orders.update(item, u -> u.set("totalCents", 1.5)),
                "value 1.5 (Double) does not fit field 'totalCents' of model "
                        + MODEL
                        + ", which is long");
        refusedAlike(
                orders -> () -> orders.update(item, u -> u.setListElement("items", 0, 5)),
                "value 5 (Integer) does not fit list element 'items[0]' of model "
                        + MODEL
                        + ", which is java.util.List<java.lang.String>");
        refusedAlike(
                orders ->
                        () ->
                                orders.update(
                                        item,
                                        u ->
                                                u.set("totalCents", 5)
                                                        .when(
                                                                Condition.when(
                                                                        "status", "=", "PURPLE"))),
                "value 'PURPLE' (String) does not fit field 'status' of model "
                        + MODEL
                        + ", which is dev.dynamorm.test.KitOrder$Status");
        assertThat(mock.calls()).isEmpty();
    }

    @Test
    void updateValuesAsText_matchTheTypedUpdate() {
        Query<KitOrder> one =
                mockOrders.where("customerId", "=", "c-1").where("orderId", "=", "o-1");
        mock.expect(one)
                .updates(
                        u ->
                                u.set("status", KitOrder.Status.SHIPPED)
                                        .set("createdAt", NEW_YEAR)
                                        .set("totalCents", 7L)
                                        .when("status", "=", KitOrder.Status.PAID))
                .succeeds();
        mock.expect(mockOrders)
                .put(MockDBTest.PAID, WriteOptions.when(Condition.when("status", "=", "PAID")))
                .succeeds();

        one.update(
                u ->
                        u.set("status", "SHIPPED")
                                .set("createdAt", "2026-01-01T00:00:00Z")
                                .set("totalCents", 7)
                                .when("status", "=", "PAID"));
        mockOrders.put(
                MockDBTest.PAID,
                WriteOptions.when(Condition.when("status", "=", KitOrder.Status.PAID)));
        mock.verifyAllExpectationsMet();
    }

    @Test
    void transactionConditionsAndUpdates_areTypedAlike() {
        mock.expectTransaction(
                        tx ->
                                tx.conditionCheck(
                                                MockDBTest.PAID,
                                                Condition.when("status", "=", "PAID"))
                                        .update(
                                                KitOrder.class,
                                                Key.of("c-1", "o-2"),
                                                u -> u.set("createdAt", NEW_YEAR)))
                .succeeds();
        mock.transaction(
                tx ->
                        tx.conditionCheck(
                                        MockDBTest.PAID,
                                        Condition.when("status", "=", KitOrder.Status.PAID))
                                .update(
                                        KitOrder.class,
                                        Key.of("c-1", "o-2"),
                                        u -> u.set("createdAt", "2026-01-01T00:00:00Z")));
        mock.verifyAllExpectationsMet();

        assertThatThrownBy(
                        () ->
                                mock.transaction(
                                        tx ->
                                                tx.conditionCheck(
                                                        MockDBTest.PAID,
                                                        Condition.when("status", "=", "PURPLE"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'PURPLE' (String) does not fit field 'status' of model "
                                + MODEL
                                + ", which is dev.dynamorm.test.KitOrder$Status");
    }

    @Test
    void valuesOfFieldsMockDbCannotType_stayAsGiven() {
        // a list element path compares by the value's own type, as in the engine
        mock.expect(mockOrders.where("customerId", "=", "c-1").filter("items[0]", "=", "pen"))
                .returnsCount(3);
        assertThat(
                        mockOrders
                                .where("customerId", "=", "c-1")
                                .filter("items[0]", "=", "pen")
                                .count())
                .isEqualTo(3);
        mock.verifyAllExpectationsMet();
    }

    @Test
    void keyValuesAsText_matchTheTypedKey_andKeysThatDoNotFitAreRefused() {
        UUID id = UUID.fromString("8d3c4f8e-8c39-4a55-9b0e-6c1e0e0b7a11");
        Event event = new Event(id, NEW_YEAR, "launch");
        engine.table(Event.class).put(event);
        Table<Event> events = mock.table(Event.class);
        mock.expect(events).get(id, NEW_YEAR).returns(Optional.of(event));
        mock.expect(events).delete(Key.of(id, NEW_YEAR)).succeeds();

        assertThat(engine.table(Event.class).get(id.toString(), "2026-01-01T00:00:00Z"))
                .contains(event);
        assertThat(events.get(id.toString(), "2026-01-01T00:00:00Z")).contains(event);
        events.delete(Key.of(id.toString(), "2026-01-01T00:00:00Z"));
        mock.verifyAllExpectationsMet();

        String message =
                "value 'not-a-uuid' (String) does not fit field 'id' of model "
                        + Event.class.getName()
                        + ", which is java.util.UUID";
        assertThatThrownBy(() -> engine.table(Event.class).get("not-a-uuid", NEW_YEAR))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> events.get("not-a-uuid", NEW_YEAR))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(message);
    }
}
