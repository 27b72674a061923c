package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.WriteResult;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Address;
import dev.dynamorm.it.model.Memo;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.it.model.PlainPriced;
import dev.dynamorm.it.model.Priced;
import dev.dynamorm.it.model.Session;
import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Update builder, optimistic locking, lifecycle timestamps and TTL, run on every backend by the
 * subclasses.
 */
abstract class WritesSuite extends WriteSuiteBase {

    private Account created(String id) {
        return accounts.create(Account.of(id, 100)).written().orElseThrow();
    }

    // ---- update builder ----

    @Test
    void updateBuilder_setAddIncrementRemoveNestedAndLists_changeTheRawItem() {
        String id = unique();
        created(id);
        accounts.where("id", "=", id)
                .update(
                        u ->
                                u.set("note", "x")
                                        .increment("balance", 5)
                                        .add("tags", "b")
                                        .set("address.city", "Paris")
                                        .remove("address.zip")
                                        .setIfNotExists("visits", 7)
                                        .appendToList("history", List.of("h2", "h3")));
        Map<String, AttributeValue> item = account(id);
        assertThat(item.get("note").s()).isEqualTo("x");
        assertThat(item.get("balance").n()).isEqualTo("105");
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
        assertThat(item.get("address").m().get("city").s()).isEqualTo("Paris");
        assertThat(item.get("address").m()).doesNotContainKey("zip").containsKey("street");
        assertThat(item.get("visits").n()).isEqualTo("7");
        assertThat(item.get("history").l())
                .extracting(AttributeValue::s)
                .containsExactly("h1", "h2", "h3");

        accounts.where("id", "=", id)
                .update(
                        u ->
                                u.prependToList("history", "h0")
                                        .delete("tags", Set.of("a"))
                                        .decrement("balance", 10)
                                        .setIfNotExists("visits", 99));
        item = account(id);
        assertThat(item.get("history").l())
                .extracting(AttributeValue::s)
                .containsExactly("h0", "h1", "h2", "h3");
        assertThat(item.get("tags").ss()).containsExactly("b");
        assertThat(item.get("balance").n()).isEqualTo("95");
        assertThat(item.get("visits").n()).isEqualTo("7");

        accounts.where("id", "=", id)
                .update(
                        u ->
                                u.setListElement("history", 1, "H1")
                                        .removeFromList("history", 3)
                                        .set("note", null)
                                        .increment("address.zip", 2));
        item = account(id);
        assertThat(item.get("history").l())
                .extracting(AttributeValue::s)
                .containsExactly("h0", "H1", "h2");
        assertThat(item).doesNotContainKey("note");
        assertThat(item.get("address").m().get("zip").n()).isEqualTo("2");
    }

    @Test
    void updateBuilder_everyReturnValueMode_mapsBackToTheModel() {
        String id = unique();
        created(id);
        WriteResult<Account> none = accounts.where("id", "=", id).update(u -> u.set("note", "a"));
        assertThat(none.item()).isEmpty();
        assertThat(none.attributes()).isEmpty();
        WriteResult<Account> allOld =
                accounts.where("id", "=", id)
                        .update(u -> u.set("note", "b").returnValue(ReturnValue.ALL_OLD));
        assertThat(allOld.item().orElseThrow().note()).isEqualTo("a");
        assertThat(allOld.attributes()).containsKeys("id", "balance", "tags", "history");
        WriteResult<Account> updatedOld =
                accounts.where("id", "=", id)
                        .update(u -> u.set("note", "c").returnValue(ReturnValue.UPDATED_OLD));
        assertThat(updatedOld.attributes()).containsKey("note").doesNotContainKeys("id", "balance");
        assertThat(updatedOld.item().orElseThrow().note()).isEqualTo("b");
        WriteResult<Account> allNew =
                accounts.where("id", "=", id)
                        .update(u -> u.increment("balance", 1).returnValue(ReturnValue.ALL_NEW));
        assertThat(allNew.item().orElseThrow().balance()).isEqualTo(101);
        assertThat(allNew.item().orElseThrow().note()).isEqualTo("c");
        assertThat(allNew.written()).isEqualTo(allNew.item());
        WriteResult<Account> updatedNew =
                accounts.where("id", "=", id)
                        .update(
                                u ->
                                        u.increment("balance", 1)
                                                .returnValue(ReturnValue.UPDATED_NEW));
        assertThat(updatedNew.attributes()).containsKey("balance").doesNotContainKeys("id", "note");
        assertThat(updatedNew.item().orElseThrow().balance()).isEqualTo(102);
    }

    @Test
    void partialModels_sayWhichFieldsWereRead_andCarryTheirKey() {
        String id = unique();
        created(id);
        WriteResult<Account> updatedNew =
                accounts.where("id", "=", id)
                        .update(u -> u.set("note", "x").returnValue(ReturnValue.UPDATED_NEW));
        Account partial = updatedNew.item().orElseThrow();
        assertThat(partial.id()).isEqualTo(id);
        assertThat(partial.note()).isEqualTo("x");
        assertThat(partial.balance()).isZero();
        assertThat(updatedNew.itemFields()).containsExactly("id", "version", "updatedAt", "note");
        WriteResult<Account> allNew =
                accounts.where("id", "=", id)
                        .update(u -> u.set("note", "y").returnValue(ReturnValue.ALL_NEW));
        assertThat(allNew.itemFields())
                .containsExactly(
                        "id",
                        "version",
                        "createdAt",
                        "updatedAt",
                        "balance",
                        "tags",
                        "history",
                        "address",
                        "note",
                        "visits");
        assertThat(accounts.where("id", "=", id).update(u -> u.set("note", "z")).itemFields())
                .isEmpty();

        var selected = accounts.where("id", "=", id).select("note", "address.city");
        assertThat(selected.readFields()).containsExactly("id", "address", "note");
        Account read = selected.all().get(0);
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.note()).isEqualTo("z");
        assertThat(read.balance()).isZero();
        assertThat(accounts.where("id", "=", id).readFields()).hasSize(10);
    }

    @Test
    void updateBuilder_conditions_andOrExistsNotExists() {
        String id = unique();
        created(id);
        assertThatThrownBy(
                        () ->
                                accounts.where("id", "=", id)
                                        .update(u -> u.set("note", "x").when("balance", ">", 1000)))
                .isInstanceOfSatisfying(
                        ConditionFailedException.class,
                        e -> {
                            assertThat(e).isNotInstanceOf(OptimisticLockException.class);
                            assertThat(e.storedModel(Account.class).orElseThrow().balance())
                                    .isEqualTo(100);
                        });
        assertThat(account(id).get("note").s()).isEqualTo("n");
        accounts.where("id", "=", id)
                .update(u -> u.set("note", "x").when("balance", ">", 1000).or("note", "=", "n"));
        accounts.where("id", "=", id)
                .update(u -> u.set("visits", 1).whenNotExists("visits").whenExists("note"));
        assertThatThrownBy(
                        () ->
                                accounts.where("id", "=", id)
                                        .update(u -> u.set("visits", 2).whenNotExists("visits")))
                .isInstanceOf(ConditionFailedException.class);
        // an action and a condition on the same attribute: placeholders never collide
        accounts.where("id", "=", id)
                .update(
                        u ->
                                u.set("note", "y")
                                        .when("note", "=", "x")
                                        .when(Condition.when("note", "<>", "y")));
        assertThat(account(id).get("note").s()).isEqualTo("y");
        assertThat(account(id).get("visits").n()).isEqualTo("1");
    }

    @Test
    void updateBuilder_badInput_failsBeforeSending() {
        String id = unique();
        created(id);
        Map<String, AttributeValue> before = account(id);
        assertThatThrownBy(
                        () ->
                                accounts.where("id", "=", id)
                                        .update(
                                                u ->
                                                        u.set("address", new Address("s", "c", 1))
                                                                .set("address.city", "x")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "update of model dev.dynamorm.it.model.Account has two actions on overlapping paths: "
                                + "'address' and 'address.city'; DynamoDB rejects actions on the same or overlapping paths: "
                                + "combine them into one action");
        assertThatThrownBy(
                        () ->
                                accounts.where("id", "=", id)
                                        .update(u -> u.set("note", "a").remove("note")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("two actions on the same path");
        assertThatThrownBy(() -> accounts.where("id", "=", id).update(u -> u.set("nope", 1)))
                .isInstanceOf(UnknownFieldException.class);
        assertThatThrownBy(() -> accounts.where("id", "=", id).update(u -> u.set("id", "other")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("cannot update key field 'id'");
        assertThatThrownBy(() -> accounts.where("id", "=", id).update(u -> u.set("version", 5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "field 'version' of model dev.dynamorm.it.model.Account is the @Version counter, which "
                                + "DynamORM checks and increments on every write: do not write it yourself");
        assertThatThrownBy(() -> accounts.where("id", "=", id).update(u -> u.add("note", 1)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "add needs a number or set field, but 'note' of model dev.dynamorm.it.model.Account is "
                                + "java.lang.String");
        assertThatThrownBy(() -> accounts.where("id", "=", id).update(u -> u.add("address.zip", 1)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("top-level attributes only");
        assertThatThrownBy(() -> accounts.where("id", "=", id).update(u -> u.set("balance", "ten")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("does not fit field 'balance'");
        assertThatThrownBy(() -> accounts.where("id", "=", id).update(u -> {}))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("has no actions");
        assertThatThrownBy(
                        () ->
                                accounts.where("id", "=", id)
                                        .where("note", "=", "n")
                                        .update(u -> u.set("note", "x")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(
                        "update through a query needs exactly the full key of model "
                                + "dev.dynamorm.it.model.Account bound with '=' (id)");
        assertThat(account(id)).isEqualTo(before);
    }

    @Test
    void updateBuilder_onMissingItem_raisesNotFound_unlessUpsert() {
        String id = unique();
        assertThatThrownBy(
                        () -> accounts.where("id", "=", id).update(u -> u.increment("balance", 5)))
                .isInstanceOf(ItemNotFoundException.class);
        assertThat(account(id)).isEmpty();
        accounts.where("id", "=", id).update(u -> u.increment("balance", 5).upsert());
        Map<String, AttributeValue> item = account(id);
        assertThat(item.get("balance").n()).isEqualTo("5");
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(Instant.parse(item.get("createdAt").s())).isEqualTo(T0);
    }

    @Test
    void keyBoundDelete_andDeleteByKey_removeTheItem() {
        String c = unique();
        orders.create(Order.of(c, "o1", "NEW", 1));
        orders.create(Order.of(c, "o2", "NEW", 1));
        orders.where("customerId", "=", c).where("orderId", "=", "o1").delete();
        orders.delete(Key.of(c, "o2"));
        assertThat(orders.get(c, "o1")).isEmpty();
        assertThat(orders.get(Key.of(c, "o2"))).isEmpty();
        assertThatThrownBy(() -> orders.where("customerId", "=", c).delete())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void updateFromInstance_sendsOnlyTheBuilderActions_andChecksTheVersion() {
        String id = unique();
        Account v1 = created(id);
        Account v2 = accounts.update(v1, u -> u.increment("balance", 50)).written().orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(account(id).get("balance").n()).isEqualTo("150");
        assertThatThrownBy(() -> accounts.update(v1, u -> u.increment("balance", 50)))
                .isInstanceOf(OptimisticLockException.class);
        assertThat(account(id).get("balance").n()).isEqualTo("150");
    }

    // ---- versioning and lifecycle ----

    @Test
    void create_writesVersionOneAndTimestamps_fromTheClock() {
        String id = unique();
        WriteResult<Account> result = accounts.create(Account.of(id, 100));
        Account written = result.written().orElseThrow();
        assertThat(written.version()).isEqualTo(1);
        assertThat(written.createdAt()).isEqualTo(T0);
        assertThat(written.updatedAt()).isEqualTo(T0);
        Map<String, AttributeValue> item = account(id);
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(Instant.parse(item.get("createdAt").s())).isEqualTo(T0);
        assertThat(Instant.parse(item.get("updatedAt").s())).isEqualTo(T0);
        assertThat(accounts.get(id)).contains(written);
        assertThatThrownBy(() -> accounts.create(Account.of(id, 1)))
                .isInstanceOf(ItemAlreadyExistsException.class);
    }

    @Test
    void everyWrite_bumpsTheVersion_keepsCreatedAt_andStampsUpdatedAt() {
        String id = unique();
        Account v1 = created(id);
        Instant t1 = clock.advance(Duration.ofMinutes(1));
        Account v2 = accounts.put(v1.withBalance(200)).written().orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.createdAt()).isEqualTo(T0);
        assertThat(v2.updatedAt()).isEqualTo(t1);
        Instant t2 = clock.advance(Duration.ofMinutes(1));
        Account v3 = accounts.update(v2.withNote("third"), "note").written().orElseThrow();
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.updatedAt()).isEqualTo(t2);
        Map<String, AttributeValue> item = account(id);
        assertThat(item.get("version").n()).isEqualTo("3");
        assertThat(item.get("note").s()).isEqualTo("third");
        assertThat(item.get("balance").n()).isEqualTo("200");
        assertThat(Instant.parse(item.get("createdAt").s())).isEqualTo(T0);
        assertThat(Instant.parse(item.get("updatedAt").s())).isEqualTo(t2);
        accounts.delete(v3);
        assertThat(account(id)).isEmpty();
    }

    @Test
    void put_ofAnInstanceWithoutCreatedAt_keepsTheStoredCreationTime() {
        String id = unique();
        Account v1 = created(id);
        Instant t1 = clock.advance(Duration.ofMinutes(1));
        Account noCreatedAt =
                new Account(
                        id,
                        v1.version(),
                        null,
                        null,
                        300,
                        v1.tags(),
                        v1.history(),
                        v1.address(),
                        "replaced",
                        null);
        Account v2 = accounts.put(noCreatedAt).written().orElseThrow();
        assertThat(v2.createdAt()).isEqualTo(T0);
        assertThat(v2.updatedAt()).isEqualTo(t1);
        Map<String, AttributeValue> item = account(id);
        assertThat(Instant.parse(item.get("createdAt").s())).isEqualTo(T0);
        assertThat(item.get("balance").n()).isEqualTo("300");
        assertThat(item.get("version").n()).isEqualTo("2");
    }

    @Test
    void put_unversioned_withoutCreatedAt_stampsANewItem_keepsAStoredOne_andReplacesTheRest(
            BackendContext backend) {
        Table<Memo> memos = db.table(Memo.class);
        memos.createTableIfMissing();
        String id = unique();
        Memo first = memos.put(Memo.of(id, "first")).written().orElseThrow();
        assertThat(first.createdAt()).isEqualTo(T0);
        Instant t1 = clock.advance(Duration.ofMinutes(1));
        Memo second = memos.put(Memo.of(id, "second")).written().orElseThrow();
        assertThat(second).isEqualTo(new Memo(id, "second", T0, t1));
        assertThat(memos.get(id)).contains(second);
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
        // an item stored without a creation time (e.g. before the field had @CreatedAt) gets one
        raw.putItem(
                b ->
                        b.tableName(memos.tableName())
                                .item(
                                        Map.of(
                                                "id",
                                                AttributeValue.fromS(id),
                                                "text",
                                                AttributeValue.fromS("raw"))));
        Instant t2 = clock.advance(Duration.ofMinutes(1));
        assertThat(memos.put(Memo.of(id, "third")).written().orElseThrow().createdAt())
                .isEqualTo(t2);
        assertThat(Instant.parse(rawItem(memos, key).get("createdAt").s())).isEqualTo(t2);
        if (backend.backend() != Backend.DYNALITE) {
            clock.advance(Duration.ofMinutes(1));
            db.transaction(tx -> tx.put(Memo.of(id, "in a transaction")));
            assertThat(memos.get(id).orElseThrow().createdAt()).isEqualTo(t2);
            assertThat(memos.get(id).orElseThrow().text()).isEqualTo("in a transaction");
        }
        memos.delete(Key.of(id));
        Instant t4 = clock.advance(Duration.ofMinutes(1));
        assertThat(memos.put(Memo.of(id, "again")).written().orElseThrow().createdAt())
                .isEqualTo(t4);
    }

    @Test
    void bigDecimalScale_andEmptySets_areNormalisedByDynamoDb_writtenShowsWhatWasSent() {
        String id = unique();
        Table<PlainPriced> plain = db.table(PlainPriced.class);
        plain.createTableIfMissing();
        PlainPriced given = new PlainPriced(id, new BigDecimal("1.50"), Set.of());
        assertThat(plain.put(given).written()).containsSame(given);
        PlainPriced read = plain.get(id).orElseThrow();
        assertThat(read.price()).isEqualTo(new BigDecimal("1.5")).isEqualByComparingTo("1.50");
        assertThat(read.tags()).isNull();
        Map<String, AttributeValue> item = rawItem(plain, Map.of("id", AttributeValue.fromS(id)));
        assertThat(item.get("price").n()).isEqualTo("1.5");
        assertThat(item).doesNotContainKey("tags");

        Table<Priced> priced = db.table(Priced.class);
        priced.createTableIfMissing();
        Priced written =
                priced.put(new Priced(id, new BigDecimal("1.50"), Set.of(), null))
                        .written()
                        .orElseThrow();
        assertThat(written.price()).isEqualTo(new BigDecimal("1.50"));
        assertThat(written.tags()).isNull();
        assertThat(priced.get(id).orElseThrow().price()).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void staleWrites_raiseOptimisticLock_namingModelKeyAndVersion() {
        String id = unique();
        Account v1 = created(id);
        accounts.put(v1.withBalance(1));
        assertThatThrownBy(() -> accounts.put(v1.withBalance(2)))
                .isInstanceOfSatisfying(
                        OptimisticLockException.class,
                        e -> {
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "version conflict on key {id='"
                                                    + id
                                                    + "'} in table '"
                                                    + accounts.tableName()
                                                    + "' (model dev.dynamorm.it.model.Account): expected version 1 but "
                                                    + "found version 2; another writer changed the item: read it again and reapply the change");
                            assertThat(e.expectedVersion()).isEqualTo(1);
                            assertThat(e.operation()).contains(Operation.PUT);
                            assertThat(e.storedModel(Account.class).orElseThrow().balance())
                                    .isEqualTo(1);
                            assertThat(e).isInstanceOf(ConditionFailedException.class);
                        });
        assertThatThrownBy(() -> accounts.update(v1.withNote("x"), "note"))
                .isInstanceOf(OptimisticLockException.class);
        assertThatThrownBy(() -> accounts.delete(v1)).isInstanceOf(OptimisticLockException.class);
        assertThatThrownBy(() -> accounts.put(Account.of(id, 5)))
                .isInstanceOf(OptimisticLockException.class)
                .hasMessageContaining(
                        "expected no stored version (a new item) but found version 2");
        assertThat(account(id).get("balance").n()).isEqualTo("1");
        assertThat(account(id).get("version").n()).isEqualTo("2");
    }

    @Test
    void concurrentIncrements_withRetryOnConflict_loseNoUpdate() throws Exception {
        String id = unique();
        accounts.create(Account.of(id, 0));
        int threads = 4;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                conflicts.add(
                        pool.submit(
                                () -> {
                                    int lost = 0;
                                    for (int i = 0; i < perThread; i++) {
                                        while (true) {
                                            Account current = accounts.get(id).orElseThrow();
                                            try {
                                                accounts.update(
                                                        current.withBalance(current.balance() + 1),
                                                        "balance");
                                                break;
                                            } catch (OptimisticLockException e) {
                                                lost++;
                                            }
                                        }
                                    }
                                    return lost;
                                }));
            }
            for (Future<Integer> f : conflicts) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Account end = accounts.get(id).orElseThrow();
        assertThat(end.balance()).isEqualTo(threads * perThread);
        assertThat(end.version()).isEqualTo(1 + threads * perThread);
    }

    // ---- TTL ----

    @Test
    void ttl_isStoredAsEpochSeconds_andExpiredItemsAreHiddenWhenAsked(BackendContext backend) {
        assumeTrue(
                backend.backend() != Backend.DYNALITE,
                "dynalite has no UpdateTimeToLive, so no table with TTL");
        Table<Session> sessions = db.table(Session.class);
        sessions.createTableIfMissing();
        String live = unique();
        String dead = unique();
        sessions.put(new Session(live, "u", T0.plus(Duration.ofHours(1))));
        sessions.put(new Session(dead, "u", T0.minus(Duration.ofHours(1))));
        assertThat(
                        rawItem(sessions, Map.of("token", AttributeValue.fromS(live)))
                                .get("expiresAt")
                                .n())
                .isEqualTo(Long.toString(T0.plus(Duration.ofHours(1)).getEpochSecond()));
        // the stored TTL is in the past by the test clock, but not by the server's: still readable
        // by default
        assertThat(sessions.get(dead)).isPresent();
        try (DynamORM hiding =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .clock(clock)
                        .hideExpiredItems(true)
                        .build()) {
            Table<Session> visible = hiding.table(Session.class);
            assertThat(visible.get(dead)).isEmpty();
            assertThat(visible.get(live)).isPresent();
            assertThat(visible.batchGet(List.of(Key.of(live), Key.of(dead))).items())
                    .extracting(Session::token)
                    .containsExactly(live);
        }
    }
}
