package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Address;
import dev.dynamorm.it.model.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Table.updateChanged(before, after)}: only the attributes that differ are sent, so what
 * another writer changed in between survives; run on every backend by the subclasses.
 */
abstract class UpdateChangedSuite extends WriteSuiteBase {

    private Map<String, AttributeValue> order(String customer, String id) {
        return rawItem(
                orders,
                Map.of(
                        "customerId",
                        AttributeValue.fromS(customer),
                        "orderId",
                        AttributeValue.fromS(id)));
    }

    /** Another writer changes one attribute straight through the client, bypassing DynamORM. */
    private void otherWriterSets(
            Table<?> table,
            Map<String, AttributeValue> key,
            String attribute,
            AttributeValue value) {
        raw.updateItem(
                b ->
                        b.tableName(table.tableName())
                                .key(key)
                                .updateExpression("SET #a = :v")
                                .expressionAttributeNames(Map.of("#a", attribute))
                                .expressionAttributeValues(Map.of(":v", value)));
    }

    @Test
    void changedAttributes_only_areSent_soAnotherWritersChangesSurvive() {
        String customer = unique();
        orders.create(Order.of(customer, "o1", "NEW", 100).withNote("mine"));
        Order before = orders.get(customer, "o1").orElseThrow();
        Map<String, AttributeValue> key =
                Map.of(
                        "customerId",
                        AttributeValue.fromS(customer),
                        "orderId",
                        AttributeValue.fromS("o1"));
        otherWriterSets(orders, key, "note", AttributeValue.fromS("theirs"));
        otherWriterSets(
                orders, key, "items", AttributeValue.fromL(List.of(AttributeValue.fromS("gift"))));

        WriteResult<Order> result =
                orders.updateChanged(
                        before,
                        before.withStatus("SHIPPED").withTotal(250),
                        WriteOptions.builder().returnValue(ReturnValue.UPDATED_NEW).build());

        assertThat(result.attributes())
                .as("only the changed attributes were updated")
                .containsOnlyKeys("status", "totalCents");
        Map<String, AttributeValue> item = order(customer, "o1");
        assertThat(item.get("status").s()).isEqualTo("SHIPPED");
        assertThat(item.get("totalCents").n()).isEqualTo("250");
        assertThat(item.get("note").s()).isEqualTo("theirs");
        assertThat(item.get("items").l()).extracting(AttributeValue::s).containsExactly("gift");
        assertThat(result.written()).contains(before.withStatus("SHIPPED").withTotal(250));
    }

    @Test
    void fieldSetBeforeAndNullAfter_isRemoved_whileOtherAttributesStay() {
        String customer = unique();
        orders.create(Order.of(customer, "o1", "NEW", 100).withNote("temporary"));
        Order before = orders.get(customer, "o1").orElseThrow();

        orders.updateChanged(before, before.withNote(null));

        Map<String, AttributeValue> item = order(customer, "o1");
        assertThat(item)
                .doesNotContainKey("note")
                .containsKeys("status", "totalCents", "items", "createdAt");
        assertThat(item.get("status").s()).isEqualTo("NEW");

        Order noNote = orders.get(customer, "o1").orElseThrow();
        orders.updateChanged(noNote, noNote.withNote("back"));
        assertThat(order(customer, "o1").get("note").s()).isEqualTo("back");
    }

    @Test
    void versionedModel_checksTheVersionOfBefore_incrementsIt_andStampsUpdatedAt() {
        String id = unique();
        Account before = accounts.create(Account.of(id, 100)).written().orElseThrow();
        assertThat(before.version()).isEqualTo(1);
        otherWriterSets(
                accounts,
                Map.of("id", AttributeValue.fromS(id)),
                "visits",
                AttributeValue.fromN("9"));
        clock.advance(Duration.ofMinutes(5));

        WriteResult<Account> result = accounts.updateChanged(before, before.withBalance(5));

        Account written = result.written().orElseThrow();
        assertThat(written.version()).isEqualTo(2);
        assertThat(written.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        Map<String, AttributeValue> item = account(id);
        assertThat(item.get("balance").n()).isEqualTo("5");
        assertThat(item.get("version").n()).isEqualTo("2");
        assertThat(Instant.parse(item.get("updatedAt").s()))
                .isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(Instant.parse(item.get("createdAt").s())).isEqualTo(T0);
        assertThat(item.get("visits").n())
                .as("written by another writer, not by this update")
                .isEqualTo("9");
        assertThat(item.get("note").s()).isEqualTo("n");

        // the same before again is stale now
        assertThatThrownBy(() -> accounts.updateChanged(before, before.withNote("late")))
                .isInstanceOf(OptimisticLockException.class);
        assertThat(account(id).get("note").s()).isEqualTo("n");
        assertThat(account(id).get("version").n()).isEqualTo("2");

        accounts.updateChanged(written, written.withNote("next"));
        assertThat(account(id).get("note").s()).isEqualTo("next");
        assertThat(account(id).get("version").n()).isEqualTo("3");
    }

    @Test
    void nestedObjects_areComparedAndWrittenWhole_andSetsIgnoreOrder() {
        String id = unique();
        Account before =
                accounts.create(
                                new Account(
                                        id,
                                        0,
                                        null,
                                        null,
                                        100,
                                        new LinkedHashSet<>(List.of("a", "b", "c")),
                                        List.of("h1"),
                                        new Address("Main St", "Oslo", 1234),
                                        "n",
                                        null))
                        .written()
                        .orElseThrow();
        Account moved =
                new Account(
                        id,
                        before.version(),
                        before.createdAt(),
                        before.updatedAt(),
                        before.balance(),
                        before.tags(),
                        before.history(),
                        new Address("Main St", "Bergen", 1234),
                        before.note(),
                        before.visits());

        WriteResult<Account> result =
                accounts.updateChanged(
                        before,
                        moved,
                        WriteOptions.builder().returnValue(ReturnValue.UPDATED_OLD).build());

        assertThat(result.attributes()).containsOnlyKeys("address", "version", "updatedAt");
        Map<String, AttributeValue> address = account(id).get("address").m();
        assertThat(address.get("city").s()).isEqualTo("Bergen");
        assertThat(address.get("street").s()).isEqualTo("Main St");
        assertThat(address.get("zip").n()).isEqualTo("1234");

        Account current = result.written().orElseThrow();
        Account reordered =
                new Account(
                        id,
                        current.version(),
                        current.createdAt(),
                        current.updatedAt(),
                        current.balance(),
                        new LinkedHashSet<>(List.of("c", "a", "b")),
                        List.copyOf(current.history()),
                        new Address("Main St", "Bergen", 1234),
                        current.note(),
                        current.visits());
        Map<String, AttributeValue> stored = account(id);
        assertThat(accounts.updateChanged(current, reordered).written()).isEmpty();
        assertThat(account(id)).isEqualTo(stored);
    }

    @Test
    void nothingChanged_sendsNothing_andReturnsAnEmptyResult() {
        String id = unique();
        Account before = accounts.create(Account.of(id, 100)).written().orElseThrow();
        Map<String, AttributeValue> stored = account(id);
        clock.advance(Duration.ofMinutes(1));

        WriteResult<Account> result = accounts.updateChanged(before, before.withNote("n"));

        assertThat(result.item()).isEmpty();
        assertThat(result.attributes()).isEmpty();
        assertThat(result.consumedCapacity()).isEmpty();
        assertThat(result.written()).isEmpty();
        assertThat(account(id)).as("no version increment, no @UpdatedAt stamp").isEqualTo(stored);
        // nothing is sent, so a missing item is not noticed either
        Account ghost = Account.of(unique(), 1);
        assertThat(accounts.updateChanged(ghost, ghost).written()).isEmpty();
    }

    @Test
    void aChangeToAMissingItem_isNotFound_andAnExtraConditionIsChecked() {
        Order ghost = Order.of(unique(), "o1", "NEW", 1);
        assertThatThrownBy(() -> orders.updateChanged(ghost, ghost.withStatus("SHIPPED")))
                .isInstanceOf(ItemNotFoundException.class);
        assertThat(order(ghost.customerId(), "o1")).isEmpty();

        String customer = unique();
        Order before = orders.create(Order.of(customer, "o1", "NEW", 100)).written().orElseThrow();
        assertThatThrownBy(
                        () ->
                                orders.updateChanged(
                                        before,
                                        before.withStatus("SHIPPED"),
                                        WriteOptions.when(Condition.when("totalCents", ">", 1000))))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(order(customer, "o1").get("status").s()).isEqualTo("NEW");
        orders.updateChanged(
                before,
                before.withStatus("SHIPPED"),
                WriteOptions.when(Condition.when("totalCents", "=", 100)));
        assertThat(order(customer, "o1").get("status").s()).isEqualTo("SHIPPED");
    }

    @Test
    void badInput_failsBeforeSending() {
        String customer = unique();
        Order before = orders.create(Order.of(customer, "o1", "NEW", 100)).written().orElseThrow();
        Map<String, AttributeValue> stored = order(customer, "o1");
        Order otherKey = Order.of(customer, "o2", "SHIPPED", 100);
        assertThatThrownBy(() -> orders.updateChanged(before, otherKey))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "updateChanged of model dev.dynamorm.it.model.Order: before has key {customerId='"
                                + customer
                                + "', orderId='o1'} but after has key {customerId='"
                                + customer
                                + "', orderId='o2'}; "
                                + "the key identifies the item and cannot be updated (delete the item and create a new one "
                                + "instead)");
        assertThatThrownBy(() -> orders.updateChanged(null, before))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "updateChanged of model dev.dynamorm.it.model.Order needs the item as read (before) and "
                                + "as changed (after), got null before");
        assertThat(order(customer, "o1")).isEqualTo(stored);

        String id = unique();
        Account account = accounts.create(Account.of(id, 100)).written().orElseThrow();
        Account bumped =
                new Account(
                        id,
                        7,
                        account.createdAt(),
                        account.updatedAt(),
                        5,
                        account.tags(),
                        account.history(),
                        account.address(),
                        account.note(),
                        account.visits());
        assertThatThrownBy(() -> accounts.updateChanged(account, bumped))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "updateChanged of key {id='"
                                + id
                                + "'} in model dev.dynamorm.it.model.Account: before "
                                + "carries version 1 but after carries 7; the @Version field 'version' is checked against "
                                + "before and incremented by DynamORM: do not change it yourself");
        assertThat(account(id).get("balance").n()).isEqualTo("100");
        assertThat(Set.copyOf(account(id).keySet())).doesNotContain("visits");
    }
}
