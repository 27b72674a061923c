package dev.dynamorm.test.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.UniqueConstraintException;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.test.KitShop;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MockDB with single-table models: entity families, key templates and {@code @Unique} fields behave
 * as in the engine (the messages are compared with the engine's in {@link MockUniqueContractTest}).
 */
final class MockSingleTableTest {

    private static final KitShop.Customer ADA = new KitShop.Customer("c1", "Ada", "ada@x.org");
    private static final KitShop.Customer EVE = new KitShop.Customer("c2", "Eve", "ada@x.org");
    private static final KitShop.Order ORDER =
            new KitShop.Order("c1", "o1", "PAID", Instant.parse("2026-01-05T10:00:00Z"), 1250);

    private final MockDB db = MockDB.create();

    @Test
    void aMemberOfAnEntityFamilyIsAModelOfTheFamilysTable() {
        Table<KitShop.Customer> customers = db.table(KitShop.Customer.class);
        Table<KitShop> shop = db.table(KitShop.class);

        assertThat(customers.tableName()).isEqualTo("kit-shop");
        assertThat(shop.tableName()).isEqualTo("kit-shop");
        db.expect(customers)
                .get(Key.of("CUSTOMER#c1", "PROFILE"))
                .returns(java.util.Optional.of(ADA));
        assertThat(customers.get("CUSTOMER#c1", "PROFILE")).contains(ADA);
        assertThatThrownBy(() -> db.table(String.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("java.lang.String is not a model");
    }

    @Test
    void keyOfComputesKeyTemplatesWithTheSeparatorEscaped() {
        Table<KitShop.Order> orders = db.table(KitShop.Order.class);

        assertThat(orders.keyOf(ORDER)).isEqualTo(Key.of("CUSTOMER#c1", "ORDER#o1"));
        assertThat(db.table(KitShop.class).keyOf(new KitShop.Customer("c#1\\", "A", null)))
                .isEqualTo(Key.of("CUSTOMER#c\\#1\\\\", "PROFILE"));
        assertThatThrownBy(() -> orders.keyOf(new KitShop.Order(null, "o1", "NEW", null, 0)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("incomplete");
    }

    @Test
    void queriesOnAFamilyTableTypeValuesThroughTheMembersFields() {
        Table<KitShop> shop = db.table(KitShop.class);
        db.expect(
                        shop.where("customerId", "=", "c1")
                                .where("placedAt", ">", Instant.parse("2026-01-01T00:00:00Z")))
                .returns(ORDER);

        assertThat(
                        shop.where("customerId", "=", "c1")
                                .where("placedAt", ">", "2026-01-01T00:00:00Z")
                                .all())
                .containsExactly(ORDER);
        db.verifyAllExpectationsMet();
    }

    @Test
    void aSecondItemWithATakenUniqueValueFailsLikeTheEngine() {
        Table<KitShop.Customer> customers = db.table(KitShop.Customer.class);
        db.expect(customers).create(ADA).succeeds();
        db.expect(customers).create(EVE).succeeds();
        customers.create(ADA);

        assertThatThrownBy(() -> customers.create(EVE))
                .isInstanceOfSatisfying(
                        UniqueConstraintException.class,
                        e -> {
                            assertThat(e.field()).isEqualTo("email");
                            assertThat(e.value()).isEqualTo("ada@x.org");
                        })
                .hasMessage(
                        "create of model "
                                + KitShop.Customer.class.getName()
                                + ": @Unique field 'email' already has the value 'ada@x.org' in another"
                                + " item of table 'kit-shop'; nothing was written");
    }

    @Test
    void deleteFreesTheValueAndAnUpdateMovesIt() {
        Table<KitShop.Customer> customers = db.table(KitShop.Customer.class);
        db.expect(customers).create(ADA).succeeds();
        db.expect(customers).delete(Key.of("CUSTOMER#c1", "PROFILE")).succeeds();
        db.expect(customers).create(EVE).succeeds().times(2);
        db.expect(customers).update(EVE, u -> u.set("email", "eve@x.org")).succeeds();
        customers.create(ADA);
        customers.delete(Key.of("CUSTOMER#c1", "PROFILE"));

        customers.create(EVE); // the value was freed
        customers.update(EVE, u -> u.set("email", "eve@x.org"));
        db.expect(customers).create(ADA).succeeds();
        customers.create(ADA); // the update moved Eve off it
        // Eve's old instance still says ada@x.org, which Ada holds again
        assertThatThrownBy(() -> customers.create(EVE))
                .isInstanceOf(UniqueConstraintException.class);
    }

    @Test
    void anUpdateThroughAQueryBindsTheTemplatedKey() {
        Table<KitShop.Customer> customers = db.table(KitShop.Customer.class);
        db.expect(customers).create(ADA).succeeds();
        db.expect(customers.where("customerId", "=", "c2"))
                .updates(u -> u.set("email", "ada@x.org"))
                .succeeds();
        db.expect(customers.where("customerId", "=", "c1"))
                .updates(u -> u.set("email", "ada@x.org"))
                .succeeds();
        customers.create(ADA);

        assertThatThrownBy(
                        () ->
                                customers
                                        .where("customerId", "=", "c2")
                                        .update(u -> u.set("email", "ada@x.org")))
                .isInstanceOf(UniqueConstraintException.class);
        // Ada's own item (key CUSTOMER#c1 / PROFILE) setting its value again is no clash
        customers.where("customerId", "=", "c1").update(u -> u.set("email", "ada@x.org"));
    }

    @Test
    void aTransactionClaimsAllOrNothing() {
        db.expectTransaction(tx -> tx.create(ADA).create(EVE)).succeeds();

        assertThatThrownBy(() -> db.transaction(tx -> tx.create(ADA).create(EVE)))
                .isInstanceOf(UniqueConstraintException.class)
                .hasMessageStartingWith("transact_write of model ");
        // nothing was claimed: Eve can take the value alone
        db.expectTransaction(tx -> tx.create(EVE)).succeeds();
        db.transaction(tx -> tx.create(EVE));
    }

    @Test
    void aProgrammedFailureClaimsNothing() {
        Table<KitShop.Customer> customers = db.table(KitShop.Customer.class);
        db.expect(customers).create(ADA).fails(new IllegalStateException("boom"));
        db.expect(customers).create(EVE).succeeds();

        assertThatThrownBy(() -> customers.create(ADA)).hasMessage("boom");
        customers.create(EVE);
    }

    @Test
    void writesTheSentinelsCannotServeAreRefusedBeforeMatching() {
        Table<KitShop.Customer> customers = db.table(KitShop.Customer.class);
        String refusal =
                "model "
                        + KitShop.Customer.class.getName()
                        + " has @Unique field 'email', whose sentinel item must be written in the same"
                        + " transaction as the item: ";

        assertThatThrownBy(() -> customers.batchPut(List.of(ADA)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        refusal
                                + "BatchWriteItem cannot do that; write it with create/put/update/delete"
                                + " or a transaction");
        assertThatThrownBy(
                        () ->
                                customers.put(
                                        ADA,
                                        WriteOptions.builder()
                                                .returnValue(ReturnValue.ALL_OLD)
                                                .build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        refusal
                                + "a write returning ALL_OLD (it is sent as TransactWriteItems) cannot do"
                                + " that; use ReturnValue.NONE");
        assertThatThrownBy(() -> customers.update(ADA, u -> u.setIfNotExists("email", "x")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        refusal
                                + "'set_if_not_exists' on it (the new value must be known) cannot do"
                                + " that; use set(\"email\", value) or remove(\"email\")");
        assertThat(db.calls()).isEmpty();
    }
}
