package dev.dynamorm.plugin.tenancy.internal;

import static dev.dynamorm.plugin.tenancy.TenantProvider.callAs;
import static dev.dynamorm.plugin.tenancy.TenantProvider.runAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Doc;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Invoice;
import dev.dynamorm.plugin.tenancy.internal.TenantModels.Plain;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tenant isolation against crafted inputs: another tenant's cursor, key, batch, transaction, scan
 * and update; run on every backend by the subclasses.
 */
@DynamoBackend(models = {Invoice.class, Doc.class, Plain.class})
abstract class TenancySuite {

    private DynamORM db;
    private DynamoDbClient raw;
    private BackendContext backend;
    private Table<Invoice> invoices;
    private Table<Doc> docs;
    private String a;
    private String b;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.backend = backend;
        this.db =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(new TenancyPlugin())
                        .build();
        this.invoices = db.table(Invoice.class);
        this.docs = db.table(Doc.class);
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.a = "a-" + run;
        this.b = "b-" + run;
        runAs(
                a,
                () -> {
                    for (int i = 0; i < 5; i++) {
                        invoices.put(new Invoice(a, "i" + i, i % 2 == 0 ? "OPEN" : "PAID", i));
                    }
                    docs.put(new Doc("f-" + run, "1", null, "a's first"));
                    docs.put(new Doc("f-" + run, "2", null, "a's second"));
                });
        runAs(
                b,
                () -> {
                    invoices.put(new Invoice(b, "i0", "OPEN", 100));
                    docs.put(new Doc("f-" + run, "3", null, "b's"));
                });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String folder() {
        return "f-" + a.substring(2);
    }

    private static final String TENANT_A_FOREIGN_WRITE =
            "tenant '%s' may not %s an item of another tenant in table '%s' (model "
                    + Invoice.class.getName()
                    + "); nothing was sent";

    @Test
    void writes_areStamped_andQueriesSeeOnlyTheirTenant() {
        Map<String, AttributeValue> stored =
                raw.getItem(
                                r ->
                                        r.tableName(docs.tableName())
                                                .key(
                                                        Map.of(
                                                                "folder",
                                                                AttributeValue.fromS(folder()),
                                                                "id",
                                                                AttributeValue.fromS("1"))))
                        .item();
        assertThat(stored.get("tenant")).isEqualTo(AttributeValue.fromS(a));
        runAs(
                a,
                () -> {
                    assertThat(invoices.query().allowScan().scan()).hasSize(5);
                    assertThat(invoices.where("status", "=", "OPEN").allowScan().all())
                            .extracting(Invoice::id)
                            .containsExactlyInAnyOrder("i0", "i2", "i4");
                    assertThat(docs.where("folder", "=", folder()).all())
                            .extracting(Doc::title)
                            .containsExactly("a's first", "a's second");
                    assertThat(docs.query().scan()).extracting(Doc::tenant).containsOnly(a);
                    assertThat(docs.query().parallelScan(3))
                            .extracting(Doc::tenant)
                            .containsOnly(a);
                    assertThat(docs.where("folder", "=", folder()).count()).isEqualTo(2);
                });
        runAs(
                b,
                () ->
                        assertThat(invoices.query().allowScan().scan())
                                .containsExactly(new Invoice(b, "i0", "OPEN", 100)));
    }

    @Test
    void explain_namesTheTenantModifier_asKeyConditionOrFilter() {
        runAs(
                a,
                () -> {
                    QueryPlan byKey = invoices.where("status", "=", "OPEN").explain();
                    assertThat(byKey.operation()).isEqualTo(Operation.QUERY);
                    assertThat(byKey.keyCondition()).contains("#n0 = :v0");
                    assertThat(byKey.expressionValues().get(":v0"))
                            .isEqualTo(AttributeValue.fromS(a));
                    assertThat(byKey.modifiers())
                            .containsExactly(
                                    new QueryPlan.Modifier("tenant", Optional.of("tenancy")));
                    assertThat(byKey.describe(false))
                            .contains("modifiers: tenant (plugin tenancy)");
                    QueryPlan filtered = docs.where("folder", "=", folder()).explain();
                    assertThat(filtered.filter()).isPresent();
                    assertThat(filtered.expressionValues()).containsValue(AttributeValue.fromS(a));
                });
    }

    @Test
    void queryNamingAnotherTenant_returnsNothing() {
        runAs(
                a,
                () -> {
                    assertThat(invoices.where("tenant", "=", b).allowScan().all()).isEmpty();
                    assertThat(docs.where("folder", "=", folder()).where("tenant", "=", b).all())
                            .isEmpty();
                    // a full-key query of another tenant's doc is a filtered Query, not a GetItem
                    assertThat(docs.where("folder", "=", folder()).where("id", "=", "3").first())
                            .isEmpty();
                });
    }

    @Test
    void cursorOfAnotherTenant_isRefused() {
        String cursor =
                callAs(
                        b,
                        () -> {
                            Page<Doc> page = docs.where("folder", "=", folder()).limit(1).page();
                            return page.cursor() == null
                                    ? docs.where("folder", "=", folder())
                                            .limit(0 + 1)
                                            .page()
                                            .cursor()
                                    : page.cursor();
                        });
        String own = callAs(a, () -> docs.where("folder", "=", folder()).limit(1).page().cursor());
        assertThat(own).isNotNull();
        runAs(
                a,
                () -> {
                    assertThat(
                                    docs.where("folder", "=", folder())
                                            .limit(1)
                                            .after(own)
                                            .page()
                                            .items())
                            .extracting(Doc::id)
                            .containsExactly("2");
                    if (cursor != null) {
                        assertThatThrownBy(
                                        () ->
                                                docs.where("folder", "=", folder())
                                                        .limit(1)
                                                        .after(cursor)
                                                        .page())
                                .isInstanceOf(InvalidCursorException.class);
                    }
                });
        String invoiceCursor = callAs(b, () -> ownInvoiceCursorOf(b));
        runAs(
                a,
                () ->
                        assertThatThrownBy(
                                        () -> invoices.query().limit(1).after(invoiceCursor).page())
                                .isInstanceOf(InvalidCursorException.class));
    }

    private String ownInvoiceCursorOf(String tenant) {
        invoices.put(new Invoice(tenant, "i1", "OPEN", 1));
        return invoices.query().limit(1).page().cursor();
    }

    @Test
    void keyLookupOfAnotherTenant_isRefused() {
        runAs(
                a,
                () -> {
                    assertThat(invoices.get(a, "i1")).isPresent();
                    assertThatThrownBy(() -> invoices.get(b, "i0"))
                            .isInstanceOf(TenancyException.class)
                            .hasMessage(
                                    String.format(
                                            TENANT_A_FOREIGN_WRITE,
                                            a,
                                            "read",
                                            invoices.tableName()));
                    assertThat(docs.get(folder(), "1")).isPresent();
                    assertThatThrownBy(() -> docs.get(folder(), "3"))
                            .isInstanceOf(TenancyException.class)
                            .hasMessage(
                                    "tenant '"
                                            + a
                                            + "' may not read an item of another tenant from table '"
                                            + docs.tableName()
                                            + "' (model "
                                            + Doc.class.getName()
                                            + "); the item was not returned");
                });
    }

    @Test
    void writesToAnotherTenantsItem_fail() {
        runAs(
                a,
                () -> {
                    // tenant in the key: refused before sending
                    assertThatThrownBy(() -> invoices.put(new Invoice(b, "i0", "OPEN", 1)))
                            .isInstanceOf(TenancyException.class)
                            .hasMessage(
                                    String.format(
                                            TENANT_A_FOREIGN_WRITE,
                                            a,
                                            "write",
                                            invoices.tableName()));
                    assertThatThrownBy(() -> invoices.delete(Key.of(b, "i0")))
                            .isInstanceOf(TenancyException.class);
                    assertThatThrownBy(
                                    () ->
                                            invoices.where("tenant", "=", b)
                                                    .where("id", "=", "i0")
                                                    .update(u -> u.set("status", "PAID")))
                            .isInstanceOf(TenancyException.class);
                    // tenant as a field: conditioned, fails as a condition failure
                    assertThatThrownBy(() -> docs.put(new Doc(folder(), "3", null, "stolen")))
                            .isInstanceOf(ConditionFailedException.class);
                    assertThatThrownBy(() -> docs.delete(Key.of(folder(), "3")))
                            .isInstanceOf(ConditionFailedException.class);
                    assertThatThrownBy(
                                    () ->
                                            docs.where("folder", "=", folder())
                                                    .where("id", "=", "3")
                                                    .update(u -> u.set("title", "stolen")))
                            .isInstanceOfAny(
                                    ConditionFailedException.class, ItemNotFoundException.class);
                    // an item naming another tenant is refused
                    assertThatThrownBy(() -> docs.put(new Doc(folder(), "9", b, "planted")))
                            .isInstanceOf(TenancyException.class);
                    // own items: fine
                    docs.delete(Key.of(folder(), "2"));
                    docs.where("folder", "=", folder())
                            .where("id", "=", "1")
                            .update(u -> u.set("title", "renamed"));
                    assertThat(docs.get(folder(), "1").map(Doc::title)).contains("renamed");
                });
        runAs(
                b,
                () -> {
                    assertThat(invoices.get(b, "i0")).contains(new Invoice(b, "i0", "OPEN", 100));
                    assertThat(docs.get(folder(), "3").map(Doc::title)).contains("b's");
                });
    }

    @Test
    void updateSettingTheTenantField_isRefused() {
        runAs(
                a,
                () -> {
                    assertThatThrownBy(
                                    () ->
                                            docs.where("folder", "=", folder())
                                                    .where("id", "=", "1")
                                                    .update(u -> u.set("tenant", b)))
                            .isInstanceOf(TenancyException.class)
                            .hasMessageContaining("may not set");
                    assertThatThrownBy(
                                    () ->
                                            docs.where("folder", "=", folder())
                                                    .where("id", "=", "1")
                                                    .update(u -> u.remove("tenant")))
                            .isInstanceOf(TenancyException.class)
                            .hasMessageContaining(
                                    "an update may not set or remove the tenant field 'tenant'");
                    assertThat(docs.get(folder(), "1").map(Doc::tenant)).contains(a);
                });
    }

    /**
     * A batch reports a refused chunk as incomplete (what was not read or written), with the
     * tenancy refusal as its cause; nothing of the refused chunk was sent.
     */
    private static void assertBatchRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String fragment) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isNotNull();
        Throwable t = thrown;
        while (t != null && !(t instanceof TenancyException)) {
            t = t.getCause();
        }
        assertThat(t).as("a TenancyException in %s", thrown).isNotNull();
        assertThat(t.getMessage()).contains(fragment);
    }

    @Test
    void batches_areBoundToTheTenant() {
        runAs(
                a,
                () -> {
                    assertThat(invoices.batchGet(List.of(Key.of(a, "i0"), Key.of(a, "i1"))).items())
                            .hasSize(2);
                    assertBatchRefused(
                            () -> invoices.batchGet(List.of(Key.of(a, "i0"), Key.of(b, "i0"))),
                            "may not read an item of another tenant");
                    assertBatchRefused(
                            () -> invoices.batchPut(List.of(new Invoice(b, "x", "OPEN", 1))),
                            "may not write an item of another tenant");
                    assertBatchRefused(
                            () -> invoices.batchDelete(List.of(Key.of(b, "i0"))),
                            "may not delete an item of another tenant");
                    invoices.batchPut(List.of(new Invoice(a, "batch", "OPEN", 7)));
                    assertThat(invoices.get(a, "batch")).isPresent();
                    // tenant as a field: batch reads are checked item by item, batch writes refused
                    assertBatchRefused(
                            () -> docs.batchGet(List.of(Key.of(folder(), "3"))),
                            "may not read an item of another tenant");
                    assertBatchRefused(
                            () -> docs.batchDelete(List.of(Key.of(folder(), "3"))),
                            "BATCH_WRITE on model "
                                    + Doc.class.getName()
                                    + " (table '"
                                    + docs.tableName()
                                    + "'): a batch write cannot be bound to the tenant"
                                    + " because the tenant field 'tenant' is not part of"
                                    + " the key and DynamoDB cannot condition it; use"
                                    + " single-item writes, or make 'tenant' the partition"
                                    + " key; nothing was sent");
                });
        runAs(
                b,
                () -> {
                    assertThat(docs.get(folder(), "3")).isPresent();
                    assertThat(invoices.get(b, "i0")).isPresent();
                    assertThat(invoices.get(b, "x")).isEmpty();
                });
    }

    @Test
    void transactions_areBoundToTheTenant() {
        // every refusal happens before anything is sent, so it holds on every backend
        runAs(
                a,
                () -> {
                    assertThatThrownBy(
                                    () ->
                                            db.transaction(
                                                    tx -> {
                                                        tx.put(new Invoice(a, "t1", "OPEN", 1));
                                                        tx.delete(Invoice.class, Key.of(b, "i0"));
                                                    }))
                            .isInstanceOf(TenancyException.class)
                            .hasMessage(
                                    String.format(
                                            TENANT_A_FOREIGN_WRITE,
                                            a,
                                            "delete",
                                            invoices.tableName()));
                    assertThat(invoices.get(a, "t1")).isEmpty();
                    assertThatThrownBy(
                                    () ->
                                            db.readTransaction(
                                                    tx -> tx.get(Invoice.class, Key.of(b, "i0"))))
                            .isInstanceOf(TenancyException.class);
                    assertThatThrownBy(
                                    () ->
                                            db.transaction(
                                                    tx ->
                                                            tx.put(
                                                                    new Doc(
                                                                            folder(), "7", null,
                                                                            "x"))))
                            .isInstanceOf(TenancyException.class)
                            .hasMessageContaining("a transactional write cannot be bound");
                });
        runAs(b, () -> assertThat(invoices.get(b, "i0")).isPresent());
        assumeTrue(backend.supportsTransactions(), "the backend has no TransactWriteItems");
        runAs(
                a,
                () -> {
                    db.transaction(tx -> tx.put(new Invoice(a, "t2", "OPEN", 1)));
                    assertThat(invoices.get(a, "t2")).isPresent();
                });
    }

    @Test
    void noTenant_failsBeforeSending_andPlainModelsAreUntouched() {
        String expected =
                "no current tenant for a %s of model "
                        + Invoice.class.getName()
                        + " (table '"
                        + invoices.tableName()
                        + "', tenant field 'tenant'); run it inside TenantProvider.runAs(tenant, ..)"
                        + " or configure TenancyConfig.builder().provider(..); nothing was sent";
        assertThatThrownBy(() -> invoices.query().allowScan().all())
                .isInstanceOf(TenancyException.class)
                .hasMessage(String.format(expected, "query"));
        assertThatThrownBy(() -> invoices.get(a, "i0"))
                .isInstanceOf(TenancyException.class)
                .hasMessage(String.format(expected, "read"));
        assertThatThrownBy(() -> invoices.put(new Invoice(a, "n", "OPEN", 1)))
                .isInstanceOf(TenancyException.class)
                .hasMessage(String.format(expected, "write"));
        Table<Plain> plain = db.table(Plain.class);
        plain.put(new Plain("p1", "no tenant needed"));
        assertThat(plain.get("p1")).isPresent();
        assertThat(plain.where("id", "=", "p1").explain().modifiers()).isEmpty();
    }
}
