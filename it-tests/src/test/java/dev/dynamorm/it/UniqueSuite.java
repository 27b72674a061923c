package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.Key;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Operation;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.Table;
import dev.dynamorm.UniqueConstraintException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.Unique;
import dev.dynamorm.it.model.Member;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code @Unique} fields (issue 17.5): a sentinel item per value, written in the same transaction
 * as the item on create, on a put or update that changes the value, and on delete; a clash raises
 * {@link UniqueConstraintException} naming the field and value and writes nothing; of 8 concurrent
 * writers of one value exactly one wins. Skipped on backends without transactions (dynalite). The
 * async view's writes: {@link AsyncUniqueSuite}.
 */
@DynamoBackend(models = Member.class)
abstract class UniqueSuite {

    private static final int WRITERS = 8;

    private DynamoDbClient raw;
    private DynamORM db;
    private Table<Member> members;
    private String run;

    @BeforeEach
    void setUp(DynamORM db, DynamoDbClient raw, BackendContext backend) {
        assumeTrue(
                backend.supportsTransactions(),
                backend.backend() + " has no TransactWriteItems, which @Unique fields need");
        this.db = db;
        this.raw = raw;
        this.members = db.table(Member.class);
        this.run = UUID.randomUUID().toString().substring(0, 8);
    }

    private String email(String name) {
        return name + "-" + run + "@example.com";
    }

    private String id(String name) {
        return name + "-" + run;
    }

    /** The sentinel item of a value, read raw; null when absent. */
    private Map<String, AttributeValue> sentinel(String attribute, String value) {
        Map<String, AttributeValue> item =
                raw.getItem(
                                b ->
                                        b.tableName(members.tableName())
                                                .key(
                                                        Map.of(
                                                                "id",
                                                                AttributeValue.fromS(
                                                                        "$unique#"
                                                                                + attribute
                                                                                + "#"
                                                                                + value)))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? null : item;
    }

    @Test
    void create_claimsEachValue_andASecondCreateOfATakenValueFails_namingFieldAndValue() {
        members.create(Member.of(id("ann"), email("ann"), "ann" + run));

        assertThat(sentinel("email", email("ann")))
                .containsEntry(
                        "uniqueOwner",
                        AttributeValue.fromM(Map.of("id", AttributeValue.fromS(id("ann")))));
        assertThat(sentinel("handle_name", "ann" + run)).isNotNull();
        assertThatThrownBy(() -> members.create(Member.of(id("bob"), email("ann"), "bob" + run)))
                .isInstanceOfSatisfying(
                        UniqueConstraintException.class,
                        e -> {
                            assertThat(e.field()).isEqualTo("email");
                            assertThat(e.value()).isEqualTo(email("ann"));
                            assertThat(e.operation()).contains(Operation.CREATE);
                        })
                .hasMessage(
                        "create of model dev.dynamorm.it.model.Member: @Unique field 'email' already has"
                                + " the value '"
                                + email("ann")
                                + "' in another item of table '"
                                + members.tableName()
                                + "'; nothing was written");
        assertThat(members.get(id("bob"))).isEmpty();
        assertThat(sentinel("handle_name", "bob" + run)).isNull();
        // the sentinels are not items of the model: scans and counts leave them out
        assertThat(members.scan())
                .extracting(Member::id)
                .contains(id("ann"))
                .allMatch(i -> !i.startsWith("$"));
        assertThat(members.query().allowScan().count()).isEqualTo(members.scan().size());
        assertThat(members.query().allowScan().explain().filter())
                .contains("NOT begins_with(#uq, :uq)");
    }

    @Test
    void create_ofAnExistingKey_isStillItemAlreadyExists_andNullValuesClaimNothing() {
        members.create(Member.of(id("ann"), null, null));
        members.create(Member.of(id("cy"), null, null)); // any number of members may lack a value

        assertThatThrownBy(() -> members.create(Member.of(id("ann"), email("x"), null)))
                .isInstanceOf(ItemAlreadyExistsException.class)
                .hasMessageContaining("already exists");
        assertThat(sentinel("email", email("x"))).isNull();
    }

    @Test
    void update_movesTheSentinel_soTheOldValueIsFreeAndTheNewOneTaken() {
        Member ann =
                members.create(Member.of(id("ann"), email("ann"), null)).written().orElseThrow();
        members.create(Member.of(id("bob"), email("bob"), null));

        members.update(ann.withEmail(email("ann2")), "email");

        assertThat(sentinel("email", email("ann"))).isNull();
        assertThat(sentinel("email", email("ann2"))).isNotNull();
        assertThat(members.get(id("ann")).orElseThrow().email()).isEqualTo(email("ann2"));
        assertThat(members.get(id("ann")).orElseThrow().version()).isEqualTo(2);
        // the freed value can be taken, the new one cannot
        members.create(Member.of(id("cy"), email("ann"), null));
        assertThatThrownBy(
                        () ->
                                members.where("id", "=", id("bob"))
                                        .update(u -> u.set("email", email("ann2"))))
                .isInstanceOf(UniqueConstraintException.class)
                .hasMessageContaining("'email' already has the value '" + email("ann2") + "'");
        assertThat(members.get(id("bob")).orElseThrow().email()).isEqualTo(email("bob"));
        // the update builder moves it too, and remove frees it
        members.where("id", "=", id("bob")).update(u -> u.set("email", email("bob2")));
        assertThat(sentinel("email", email("bob"))).isNull();
        assertThat(sentinel("email", email("bob2"))).isNotNull();
        members.where("id", "=", id("bob")).update(u -> u.remove("email"));
        assertThat(sentinel("email", email("bob2"))).isNull();
        assertThat(members.get(id("bob")).orElseThrow().email()).isNull();
        // an update that does not touch a unique field writes no sentinel
        members.where("id", "=", id("cy")).update(u -> u.set("name", "Cy"));
        assertThat(sentinel("email", email("ann"))).isNotNull();
    }

    @Test
    void update_withAStaleVersion_isAVersionConflict_andMovesNothing() {
        Member ann =
                members.create(Member.of(id("ann"), email("ann"), null)).written().orElseThrow();
        members.update(ann.withEmail(email("ann2")), "email");

        assertThatThrownBy(() -> members.update(ann.withEmail(email("ann3")), "email"))
                .isInstanceOf(OptimisticLockException.class);
        assertThat(sentinel("email", email("ann3"))).isNull();
        assertThat(sentinel("email", email("ann2"))).isNotNull();
    }

    @Test
    void put_overwritingAnItem_movesItsValue_andCannotTakeAnotherItemsValue() {
        Member ann =
                members.create(Member.of(id("ann"), email("ann"), null)).written().orElseThrow();
        members.create(Member.of(id("bob"), email("bob"), null));

        members.put(ann.withEmail(email("ann2")));
        assertThat(sentinel("email", email("ann"))).isNull();
        assertThat(sentinel("email", email("ann2"))).isNotNull();

        Member stale = members.get(id("ann")).orElseThrow();
        assertThatThrownBy(() -> members.put(stale.withEmail(email("bob"))))
                .isInstanceOf(UniqueConstraintException.class)
                .hasMessageContaining("'email' already has the value '" + email("bob") + "'");
        assertThat(members.get(id("ann")).orElseThrow().email()).isEqualTo(email("ann2"));
        // a put of a new item claims its values like a create
        members.put(Member.of(id("dee"), email("dee"), null));
        assertThat(sentinel("email", email("dee"))).isNotNull();
    }

    @Test
    void delete_freesTheValues_byItemAndByKey() {
        Member ann =
                members.create(Member.of(id("ann"), email("ann"), "ann" + run))
                        .written()
                        .orElseThrow();
        members.create(Member.of(id("bob"), email("bob"), null));

        members.delete(ann);
        members.delete(new Key(id("bob"), null));

        assertThat(sentinel("email", email("ann"))).isNull();
        assertThat(sentinel("handle_name", "ann" + run)).isNull();
        assertThat(sentinel("email", email("bob"))).isNull();
        members.create(Member.of(id("cy"), email("ann"), "ann" + run));
        assertThat(members.get(id("cy"))).isPresent();
    }

    @Test
    void transaction_create_claimsTheValue_inTheSameTransaction() {
        members.create(Member.of(id("ann"), email("ann"), null));

        db.transaction(tx -> tx.create(Member.of(id("bob"), email("bob"), null)));
        assertThat(sentinel("email", email("bob"))).isNotNull();
        assertThatThrownBy(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.create(Member.of(id("cy"), email("cy"), null))
                                                        .create(
                                                                Member.of(
                                                                        id("dee"),
                                                                        email("ann"),
                                                                        null))))
                .isInstanceOfSatisfying(
                        UniqueConstraintException.class,
                        e -> assertThat(e.operation()).contains(Operation.TRANSACT_WRITE))
                .hasMessageContaining("'email' already has the value '" + email("ann") + "'");
        assertThat(members.get(id("cy"))).isEmpty();
        assertThat(sentinel("email", email("cy"))).isNull();
        Member bob = members.get(id("bob")).orElseThrow();
        db.transaction(tx -> tx.delete(bob));
        assertThat(sentinel("email", email("bob"))).isNull();
    }

    @Test
    void batches_refuseModelsWithUniqueFields_beforeSending() {
        String message =
                "model dev.dynamorm.it.model.Member has @Unique field 'email', whose sentinel item must"
                        + " be written in the same transaction as the item: ";
        assertThatThrownBy(() -> members.batchPut(List.of(Member.of(id("a"), email("a"), null))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        message
                                + "BatchWriteItem cannot do that; write it with create/put/update/delete or a"
                                + " transaction");
        assertThatThrownBy(() -> members.batchDelete(List.of(new Key(id("a"), null))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(message);
        assertThatThrownBy(
                        () ->
                                members.where("id", "=", id("a"))
                                        .update(u -> u.setIfNotExists("email", "x")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        message
                                + "'set_if_not_exists' on it (the new value must be known) cannot do that; use"
                                + " set(\"email\", value) or remove(\"email\")");
        assertThat(members.get(id("a"))).isEmpty();
    }

    /** A model whose numeric partition key leaves no room for sentinel keys. */
    @DynamoTable("numbered")
    record Numbered(@PartitionKey long id, @Unique String email) {}

    @Test
    void aTableWithNumericKeys_cannotHoldUniqueFields() {
        assertThatThrownBy(() -> db.table(Numbered.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model dev.dynamorm.it.UniqueSuite$Numbered: @Unique field 'email' needs a table whose"
                                + " keys are strings (its sentinel items have the key"
                                + " '$unique#<attribute>#<value>'), but partition key 'id' is stored as N");
    }

    @Test
    void eightConcurrentCreators_ofOneValue_exactlyOneWins_perValue() throws Exception {
        int values = 4;
        List<Callable<String>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int v = 0; v < values; v++) {
            for (int w = 0; w < WRITERS; w++) {
                String value = email("v" + v);
                String id = id("v" + v + "-w" + w);
                calls.add(
                        () -> {
                            start.await();
                            try {
                                members.create(Member.of(id, value, null));
                                return "won " + value;
                            } catch (UniqueConstraintException e) {
                                return "lost " + e.value();
                            }
                        });
            }
        }
        List<String> outcomes = runAll(calls, start);

        for (int v = 0; v < values; v++) {
            String value = email("v" + v);
            assertThat(outcomes).filteredOn(o -> o.equals("won " + value)).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.equals("lost " + value)).hasSize(WRITERS - 1);
            assertThat(members.scan()).filteredOn(m -> value.equals(m.email())).hasSize(1);
        }
    }

    @Test
    void eightConcurrentUpdaters_toOneValue_exactlyOneWins_andTheLosersKeepTheirOwn()
            throws Exception {
        List<Callable<String>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        String target = email("target");
        for (int w = 0; w < WRITERS; w++) {
            String id = id("u" + w);
            members.create(Member.of(id, email("own" + w), null));
            calls.add(
                    () -> {
                        start.await();
                        try {
                            members.where("id", "=", id).update(u -> u.set("email", target));
                            return "won";
                        } catch (UniqueConstraintException e) {
                            return "lost";
                        }
                    });
        }
        List<String> outcomes = runAll(calls, start);

        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("lost"::equals).hasSize(WRITERS - 1);
        List<Member> all = members.scan().stream().filter(m -> m.id().startsWith("u")).toList();
        assertThat(all).filteredOn(m -> target.equals(m.email())).hasSize(1);
        Member winner =
                all.stream().filter(m -> target.equals(m.email())).findFirst().orElseThrow();
        assertThat(sentinel("email", target).get("uniqueOwner").m().get("id").s())
                .isEqualTo(winner.id());
        for (int w = 0; w < WRITERS; w++) {
            boolean won = winner.id().equals(id("u" + w));
            assertThat(sentinel("email", email("own" + w)) == null).isEqualTo(won);
        }
    }

    private static List<String> runAll(List<Callable<String>> calls, CountDownLatch start)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
