package dev.dynamorm.plugin.tenancy.internal;

import static dev.dynamorm.plugin.tenancy.TenantProvider.callAs;
import static dev.dynamorm.plugin.tenancy.TenantProvider.runAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Account;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Doc;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Entry;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tenant fields of other types than {@code String} (a {@code UUID} key, a {@code Long} field),
 * converted by the field's converter, and upserts of models whose tenant is a plain field, against
 * crafted inputs; run on every backend by the subclasses.
 */
@DynamoBackend(models = {Account.class, Entry.class, Doc.class})
abstract class TenantTypesSuite {

    private DynamORM db;
    private DynamoDbClient raw;
    private Table<Account> accounts;
    private Table<Entry> ledger;
    private Table<Doc> docs;
    private UUID orgA;
    private UUID orgB;
    private long numA;
    private long numB;
    private String run;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.db =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(new TenancyPlugin())
                        .build();
        this.accounts = db.table(Account.class);
        this.ledger = db.table(Entry.class);
        this.docs = db.table(Doc.class);
        this.orgA = UUID.randomUUID();
        this.orgB = UUID.randomUUID();
        this.numA = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        this.numB = numA + 1;
        this.run = UUID.randomUUID().toString().substring(0, 8);
        runAs(
                orgA.toString(),
                () -> {
                    accounts.put(new Account(orgA, "x1", "a's first"));
                    accounts.put(new Account(orgA, "x2", "a's second"));
                });
        runAs(orgB.toString(), () -> accounts.put(new Account(orgB, "x1", "b's")));
        runAs(Long.toString(numA), () -> ledger.put(new Entry(id("e1"), null, 100)));
        runAs(Long.toString(numB), () -> ledger.put(new Entry(id("e2"), null, 200)));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String id(String name) {
        return name + "-" + run;
    }

    private Map<String, AttributeValue> stored(String table, Map<String, AttributeValue> key) {
        return raw.getItem(r -> r.tableName(table).key(key)).item();
    }

    @Test
    void uuidTenantInTheKey_isConvertedAndChecked() {
        runAs(
                orgA.toString(),
                () -> {
                    assertThat(accounts.query().scan())
                            .extracting(Account::id)
                            .containsExactlyInAnyOrder("x1", "x2");
                    assertThat(accounts.get(orgA, "x1").map(Account::name)).contains("a's first");
                    assertThatThrownBy(() -> accounts.get(orgB, "x1"))
                            .isInstanceOf(TenancyException.class)
                            .hasMessage(
                                    "tenant '"
                                            + orgA
                                            + "' may not read an item of another tenant in table '"
                                            + accounts.tableName()
                                            + "' (model "
                                            + Account.class.getName()
                                            + "); nothing was sent");
                    assertThatThrownBy(() -> accounts.put(new Account(orgB, "x9", "planted")))
                            .isInstanceOf(TenancyException.class)
                            .hasMessageContaining("may not write an item of another tenant");
                    assertThat(accounts.where("org", "=", orgB).allowScan().all()).isEmpty();
                });
        // the stored attribute is the converter's text form
        assertThat(
                        stored(
                                        accounts.tableName(),
                                        Map.of(
                                                "org",
                                                AttributeValue.fromS(orgB.toString()),
                                                "id",
                                                AttributeValue.fromS("x1")))
                                .get("name"))
                .isEqualTo(AttributeValue.fromS("b's"));
        // the same tenant spelled in upper case is read by the converter: the same tenant
        String upper = orgA.toString().toUpperCase(Locale.ROOT);
        assertThat(callAs(upper, () -> accounts.query().scan())).hasSize(2);
    }

    @Test
    void numericTenantField_isStampedAsANumber_andFiltersQueries() {
        assertThat(
                        stored(ledger.tableName(), Map.of("id", AttributeValue.fromS(id("e1"))))
                                .get("org"))
                .isEqualTo(AttributeValue.fromN(Long.toString(numA)));
        runAs(
                Long.toString(numA),
                () -> {
                    assertThat(ledger.query().scan()).extracting(Entry::org).containsOnly(numA);
                    assertThat(ledger.get(id("e1"))).contains(new Entry(id("e1"), numA, 100));
                    assertThatThrownBy(() -> ledger.get(id("e2")))
                            .isInstanceOf(TenancyException.class)
                            .hasMessageContaining("may not read an item of another tenant");
                    assertThatThrownBy(() -> ledger.put(new Entry(id("e2"), null, 1)))
                            .isInstanceOf(ConditionFailedException.class);
                    assertThatThrownBy(() -> ledger.put(new Entry(id("e9"), numB, 1)))
                            .isInstanceOf(TenancyException.class)
                            .hasMessageContaining("may not write an item of another tenant");
                    assertThat(ledger.where("id", "=", id("e2")).first()).isEmpty();
                });
        // "007"-style spellings are the same number
        assertThat(callAs("0" + numA, () -> ledger.get(id("e1")).map(Entry::cents))).contains(100L);
        runAs(Long.toString(numB), () -> assertThat(ledger.get(id("e2"))).isPresent());
    }

    @Test
    void tenantThatDoesNotFitTheField_isRefusedBeforeSending() {
        assertThatThrownBy(() -> callAs("acme", () -> ledger.query().scan()))
                .isInstanceOf(TenancyException.class)
                .hasMessage(
                        "the current tenant 'acme' does not fit the tenant field 'org' of model "
                                + Entry.class.getName()
                                + ", which is java.lang.Long; nothing was sent");
        assertThatThrownBy(() -> callAs("acme", () -> accounts.get(orgA, "x1")))
                .isInstanceOf(TenancyException.class)
                .hasMessage(
                        "the current tenant 'acme' does not fit the tenant field 'org' of model "
                                + Account.class.getName()
                                + ", which is java.util.UUID; nothing was sent");
        assertThatThrownBy(() -> runAs("12.5x", () -> ledger.put(new Entry(id("e7"), null, 1))))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining("does not fit the tenant field 'org'");
        assertThat(stored(ledger.tableName(), Map.of("id", AttributeValue.fromS(id("e7")))))
                .isEmpty();
    }

    @Test
    void upsertOfAPlainFieldTenantModel_stampsTheNewItem() {
        String folder = id("f");
        runAs(
                "a-" + run,
                () -> {
                    docs.where("folder", "=", folder)
                            .where("id", "=", "new")
                            .update(u -> u.set("title", "upserted").upsert());
                    assertThat(docs.get(folder, "new").map(Doc::tenant)).contains("a-" + run);
                    // an upsert of an existing own item keeps it
                    Doc updated =
                            docs.where("folder", "=", folder)
                                    .where("id", "=", "new")
                                    .update(
                                            u ->
                                                    u.set("title", "again")
                                                            .upsert()
                                                            .returnValue(ReturnValue.ALL_NEW))
                                    .item()
                                    .orElseThrow();
                    assertThat(updated).isEqualTo(new Doc(folder, "new", "a-" + run, "again"));
                    // setting the own tenant explicitly is allowed
                    docs.where("folder", "=", folder)
                            .where("id", "=", "own")
                            .update(u -> u.set("tenant", "a-" + run).set("title", "t").upsert());
                    assertThat(docs.get(folder, "own").map(Doc::tenant)).contains("a-" + run);
                });
        assertThat(
                        stored(
                                        docs.tableName(),
                                        Map.of(
                                                "folder",
                                                AttributeValue.fromS(folder),
                                                "id",
                                                AttributeValue.fromS("new")))
                                .get("tenant"))
                .isEqualTo(AttributeValue.fromS("a-" + run));
        runAs(
                "b-" + run,
                () -> {
                    // another tenant's upsert onto the item fails its condition, changing nothing
                    assertThatThrownBy(
                                    () ->
                                            docs.where("folder", "=", folder)
                                                    .where("id", "=", "new")
                                                    .update(u -> u.set("title", "stolen").upsert()))
                            .isInstanceOf(ConditionFailedException.class);
                    assertThat(docs.where("folder", "=", folder).all()).isEmpty();
                });
        runAs(
                "a-" + run,
                () -> assertThat(docs.get(folder, "new").map(Doc::title)).contains("again"));
    }

    @Test
    void upsertOfANumericTenant_andOfATenantKey() {
        runAs(
                Long.toString(numA),
                () -> {
                    ledger.where("id", "=", id("e5")).update(u -> u.set("cents", 5L).upsert());
                    assertThat(ledger.get(id("e5"))).contains(new Entry(id("e5"), numA, 5));
                    assertThatThrownBy(
                                    () ->
                                            ledger.where("id", "=", id("e2"))
                                                    .update(u -> u.set("cents", 0L).upsert()))
                            .isInstanceOf(ConditionFailedException.class);
                    assertThatThrownBy(
                                    () ->
                                            ledger.where("id", "=", id("e5"))
                                                    .update(u -> u.set("org", numB)))
                            .isInstanceOf(TenancyException.class)
                            .hasMessageContaining(
                                    "an update may not set or remove the tenant field 'org'");
                });
        runAs(
                Long.toString(numB),
                () -> assertThat(ledger.get(id("e2")).map(Entry::cents)).contains(200L));
        runAs(
                orgA.toString(),
                () -> {
                    accounts.where("org", "=", orgA)
                            .where("id", "=", "x5")
                            .update(u -> u.set("name", "upserted").upsert());
                    assertThat(accounts.get(orgA, "x5").map(Account::name)).contains("upserted");
                    assertThatThrownBy(
                                    () ->
                                            accounts.where("org", "=", orgB)
                                                    .where("id", "=", "x5")
                                                    .update(u -> u.set("name", "x").upsert()))
                            .isInstanceOf(TenancyException.class);
                    assertThat(accounts.batchGet(List.of(Key.of(orgA, "x5"))).items()).hasSize(1);
                });
    }
}
