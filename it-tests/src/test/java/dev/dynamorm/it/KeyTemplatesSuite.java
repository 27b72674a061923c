package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.templates.Invoice;
import dev.dynamorm.it.model.templates.LibAcl;
import dev.dynamorm.it.model.templates.LibDoc;
import dev.dynamorm.it.model.templates.Library;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Key templates (issue 17.2): keys computed from fields on write, parsed back on read, bound from
 * {@code where} equalities on query (with {@code begins_with} for leading sort fields), overloaded
 * index keys, and escaping that keeps a crafted field value from reaching another entity's item.
 * Run on every backend by the subclasses.
 */
@DynamoBackend(models = {Library.class, Invoice.class})
abstract class KeyTemplatesSuite {

    private DynamoDbClient raw;
    private QueryRecorder recorder;
    private Table<Library> library;
    private Table<LibDoc> docs;
    private Table<LibAcl> acls;
    private Table<Invoice> invoices;
    private String tenant;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext context) {
        this.raw = raw;
        this.recorder = new QueryRecorder(context);
        DynamORM db = recorder.db();
        this.library = db.table(Library.class);
        this.docs = db.table(LibDoc.class);
        this.acls = db.table(LibAcl.class);
        this.invoices = db.table(Invoice.class);
        this.tenant = UUID.randomUUID().toString();
    }

    private Map<String, AttributeValue> rawItem(Table<?> table, String pk, String sk) {
        return raw.getItem(
                        b ->
                                b.tableName(table.tableName())
                                        .key(
                                                Map.of(
                                                        "PK",
                                                        AttributeValue.fromS(pk),
                                                        "SK",
                                                        AttributeValue.fromS(sk)))
                                        .consistentRead(true))
                .item();
    }

    @Test
    void write_computesTheKeysFromTheFields_andKeepsTheFieldsAsAttributes() {
        docs.put(new LibDoc(tenant, "d1", "Guide"));
        acls.put(new LibAcl(tenant, "d1", "bob", "READ"));

        assertThat(rawItem(docs, "TENANT#" + tenant, "DOC#d1"))
                .containsOnlyKeys("PK", "SK", "_type", "tenant", "docId", "title")
                .containsEntry("_type", AttributeValue.fromS("DOC"));
        assertThat(rawItem(acls, "TENANT#" + tenant, "DOC#d1#ACL#bob"))
                .containsEntry("GSI1PK", AttributeValue.fromS("USER#bob"))
                .containsEntry("GSI1SK", AttributeValue.fromS("TENANT#" + tenant + "#DOC#d1"));
        assertThat(library.get("TENANT#" + tenant, "DOC#d1#ACL#bob"))
                .contains(new LibAcl(tenant, "d1", "bob", "READ"));
    }

    @Test
    void query_bindsTheTemplatesFromTheFieldsGiven_asKeyConditions() {
        docs.put(new LibDoc(tenant, "d1", "Guide"));
        docs.put(new LibDoc(tenant, "d2", "Manual"));
        acls.put(new LibAcl(tenant, "d1", "bob", "READ"));

        assertThat(docs.where("tenant", "=", tenant).where("docId", "=", "d2").all())
                .containsExactly(new LibDoc(tenant, "d2", "Manual"));
        // the whole key is given: one GetItem of the computed key
        assertThat(recorder.gets().get(recorder.gets().size() - 1).key())
                .containsEntry("PK", AttributeValue.fromS("TENANT#" + tenant))
                .containsEntry("SK", AttributeValue.fromS("DOC#d2"));

        // only the partition fields: the whole collection of the tenant, every member type
        assertThat(library.where("tenant", "=", tenant).all())
                .containsExactly(
                        new LibDoc(tenant, "d1", "Guide"),
                        new LibAcl(tenant, "d1", "bob", "READ"),
                        new LibDoc(tenant, "d2", "Manual"));
        // a member's table adds the sort template's leading literal as a prefix
        QueryPlan plan = acls.where("tenant", "=", tenant).explain();
        assertThat(plan.keyCondition()).contains("#n0 = :v0 AND begins_with(#n1, :v1)");
        assertThat(plan.expressionValues().get(":v1").s()).isEqualTo("DOC#");
        // explain shows the member's filter on its discriminator, as sent
        assertThat(plan.filter()).contains("#dt = :dt");
        assertThat(plan.expressionNames()).containsEntry("#dt", "_type");
        assertThat(plan.expressionValues().get(":dt").s()).isEqualTo("ACL");
        assertThat(plan.describe(true)).contains("filter: #dt = :dt");
        assertThat(library.where("tenant", "=", tenant).explain().filter()).isEmpty();
        assertThat(acls.where("tenant", "=", tenant).all())
                .containsExactly(new LibAcl(tenant, "d1", "bob", "READ"));
    }

    @Test
    void query_onLeadingSortFields_usesBeginsWithEndingAtASeparator() {
        Instant at = Instant.parse("2024-05-01T10:15:30Z");
        Invoice may = new Invoice(tenant, 2024, 5, 17, at, 1000);
        Invoice june = new Invoice(tenant, 2024, 6, 18, at, 2000);
        Invoice otherYear = new Invoice(tenant, 20245, 1, 19, at, 3000);
        for (Invoice i : List.of(may, june, otherYear)) {
            invoices.put(i);
        }

        assertThat(invoices.where("tenant", "=", tenant).where("year", "=", 2024).all())
                .containsExactly(may, june);
        QueryRequest sent = recorder.queries().get(recorder.queries().size() - 1);
        assertThat(sent.keyConditionExpression()).isEqualTo("#n0 = :v0 AND begins_with(#n1, :v1)");
        assertThat(sent.expressionAttributeValues())
                .containsEntry(":v1", AttributeValue.fromS("INVOICE#2024#"));
        assertThat(
                        invoices.where("tenant", "=", tenant)
                                .where("year", "=", 2024)
                                .where("month", "=", 6)
                                .all())
                .containsExactly(june);
        // a condition on a template field that the key cannot take stays a filter on its attribute
        assertThat(
                        invoices.where("tenant", "=", tenant)
                                .where("year", "=", 2024)
                                .where("totalCents", ">", 1500)
                                .all())
                .containsExactly(june);
        // all fields of an index template: the index is chosen
        assertThat(invoices.where("number", "=", 18L).all()).containsExactly(june);
        assertThat(recorder.queries().get(recorder.queries().size() - 1).indexName())
                .isEqualTo("by-number");
        assertThat(
                        raw.getItem(
                                        b ->
                                                b.tableName(invoices.tableName())
                                                        .key(
                                                                Map.of(
                                                                        "pk",
                                                                        AttributeValue.fromS(
                                                                                "TENANT#" + tenant),
                                                                        "sk",
                                                                        AttributeValue.fromS(
                                                                                "INVOICE#2024#6#18")))
                                                        .consistentRead(true))
                                .item())
                .containsEntry("gpk", AttributeValue.fromS("NUMBER#18"))
                .containsEntry(
                        "gsk", AttributeValue.fromS("ISSUED#2024-05-01T10:15:30.000000000Z"));
    }

    @Test
    void overloadedIndex_findsOneUsersEntriesAcrossDocuments() {
        acls.put(new LibAcl(tenant, "d1", "carol-" + tenant, "READ"));
        acls.put(new LibAcl(tenant, "d2", "carol-" + tenant, "WRITE"));
        acls.put(new LibAcl(tenant, "d2", "dave-" + tenant, "READ"));
        docs.put(new LibDoc(tenant, "d1", "Guide"));

        assertThat(acls.where("user", "=", "carol-" + tenant).all())
                .extracting(LibAcl::docId, LibAcl::right)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("d1", "READ"),
                        org.assertj.core.groups.Tuple.tuple("d2", "WRITE"));
        assertThat(recorder.queries().get(recorder.queries().size() - 1).indexName())
                .isEqualTo("GSI1");
    }

    @Test
    void escaping_aCraftedFieldValueCannotReachAnotherEntitysItem() {
        acls.put(new LibAcl(tenant, "d1", "bob", "READ"));
        // without escaping this document's sort key would be DOC#d1#ACL#bob: the access entry's key
        LibDoc crafted = new LibDoc(tenant, "d1#ACL#bob", "evil");
        docs.put(crafted);

        assertThat(rawItem(acls, "TENANT#" + tenant, "DOC#d1#ACL#bob"))
                .containsEntry("right", AttributeValue.fromS("READ"))
                .containsEntry("_type", AttributeValue.fromS("ACL"));
        assertThat(rawItem(docs, "TENANT#" + tenant, "DOC#d1\\#ACL\\#bob"))
                .containsEntry("docId", AttributeValue.fromS("d1#ACL#bob"));
        assertThat(library.where("tenant", "=", tenant).all())
                .containsExactlyInAnyOrder(new LibAcl(tenant, "d1", "bob", "READ"), crafted);
        assertThat(docs.where("tenant", "=", tenant).where("docId", "=", "d1#ACL#bob").all())
                .containsExactly(crafted);
        assertThat(recorder.gets().get(recorder.gets().size() - 1).key())
                .containsEntry("SK", AttributeValue.fromS("DOC#d1\\#ACL\\#bob"));
        // a crafted partition value stays in its own partition too
        docs.put(new LibDoc(tenant + "#DOC#x", "y", "other"));
        assertThat(library.where("tenant", "=", tenant).all()).hasSize(2);
    }

    @Test
    void read_fillsFieldsMissingFromTheItemByParsingTheKeys() {
        raw.putItem(
                b ->
                        b.tableName(docs.tableName())
                                .item(
                                        Map.of(
                                                "PK", AttributeValue.fromS("TENANT#" + tenant),
                                                "SK", AttributeValue.fromS("DOC#a\\#b\\\\c"),
                                                "_type", AttributeValue.fromS("DOC"),
                                                "title",
                                                        AttributeValue.fromS(
                                                                "written elsewhere"))));

        assertThat(docs.where("tenant", "=", tenant).all())
                .containsExactly(new LibDoc(tenant, "a#b\\c", "written elsewhere"));
    }

    @Test
    void update_ofAnIndexTemplateField_rewritesTheIndexKey_ofATableKeyField_fails() {
        Invoice first = new Invoice(tenant, 2024, 7, 30, Instant.parse("2024-07-01T00:00:00Z"), 10);
        invoices.put(first);
        Invoice later = new Invoice(tenant, 2024, 7, 30, Instant.parse("2024-07-02T00:00:00Z"), 10);
        invoices.update(later, "issuedAt");

        assertThat(
                        raw.getItem(
                                        b ->
                                                b.tableName(invoices.tableName())
                                                        .key(
                                                                Map.of(
                                                                        "pk",
                                                                        AttributeValue.fromS(
                                                                                "TENANT#" + tenant),
                                                                        "sk",
                                                                        AttributeValue.fromS(
                                                                                "INVOICE#2024#7#30")))
                                                        .consistentRead(true))
                                .item())
                .containsEntry("gsk", AttributeValue.fromS("ISSUED#2024-07-02T00:00:00.000000000Z"))
                .containsEntry("issuedAt", AttributeValue.fromS("2024-07-02T00:00:00.000000000Z"));
        assertThatThrownBy(() -> invoices.update(later, "month"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "cannot update field 'month' of model "
                                + Invoice.class.getName()
                                + ": it is part of the key template 'INVOICE#{year}#{month}#{number}' of key "
                                + "attribute 'sk'");
    }

    private Map<String, AttributeValue> rawInvoice(String sk) {
        return raw.getItem(
                        b ->
                                b.tableName(invoices.tableName())
                                        .key(
                                                Map.of(
                                                        "pk",
                                                        AttributeValue.fromS("TENANT#" + tenant),
                                                        "sk",
                                                        AttributeValue.fromS(sk)))
                                        .consistentRead(true))
                .item();
    }

    @Test
    void updateBuilder_setOfAnIndexTemplateField_recomputesTheIndexKey_removeDropsIt() {
        Invoice first = new Invoice(tenant, 2024, 8, 40, Instant.parse("2024-08-01T00:00:00Z"), 10);
        invoices.put(first);

        invoices.where("tenant", "=", tenant)
                .where("year", "=", 2024)
                .where("month", "=", 8)
                .where("number", "=", 40L)
                .update(u -> u.set("issuedAt", Instant.parse("2024-08-09T00:00:00Z")));
        assertThat(rawInvoice("INVOICE#2024#8#40"))
                .containsEntry("gsk", AttributeValue.fromS("ISSUED#2024-08-09T00:00:00.000000000Z"))
                .containsEntry("gpk", AttributeValue.fromS("NUMBER#40"));
        // the index sees the new key at once
        assertThat(
                        invoices.where("number", "=", 40L)
                                .where("issuedAt", "=", Instant.parse("2024-08-09T00:00:00Z"))
                                .all())
                .extracting(Invoice::totalCents)
                .containsExactly(10L);

        // from an instance: the same
        invoices.update(
                new Invoice(tenant, 2024, 8, 40, null, 0),
                u -> u.set("issuedAt", Instant.parse("2024-08-10T00:00:00Z")));
        assertThat(rawInvoice("INVOICE#2024#8#40"))
                .containsEntry(
                        "gsk", AttributeValue.fromS("ISSUED#2024-08-10T00:00:00.000000000Z"));

        // removing the field takes the item out of the (sparse) index
        invoices.update(new Invoice(tenant, 2024, 8, 40, null, 0), u -> u.remove("issuedAt"));
        assertThat(rawInvoice("INVOICE#2024#8#40"))
                .doesNotContainKeys("gsk", "issuedAt")
                .containsKey("gpk");
    }

    @Test
    void updateBuilder_onATableKeyTemplateField_orWithAnUnknownNewValue_isRefused() {
        invoices.put(new Invoice(tenant, 2024, 9, 50, Instant.parse("2024-09-01T00:00:00Z"), 10));
        Invoice key = new Invoice(tenant, 2024, 9, 50, null, 0);

        assertThatThrownBy(() -> invoices.update(key, u -> u.set("number", 51L)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot update field 'number' of model "
                                + Invoice.class.getName()
                                + ": it is part of the key template 'INVOICE#{year}#{month}#{number}' of key"
                                + " attribute 'sk', and the key identifies the item (delete it and create a new"
                                + " one instead)");
        assertThatThrownBy(
                        () ->
                                invoices.update(
                                        key,
                                        u ->
                                                u.setIfNotExists(
                                                        "issuedAt",
                                                        Instant.parse("2024-09-02T00:00:00Z"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot set_if_not_exists field 'issuedAt' of model "
                                + Invoice.class.getName()
                                + ": it is part of the template 'ISSUED#{issuedAt}' of index key 'gsk', which"
                                + " must be recomputed from its new value; use set(\"issuedAt\", value)");
        assertThat(rawInvoice("INVOICE#2024#9#50"))
                .containsEntry(
                        "gsk", AttributeValue.fromS("ISSUED#2024-09-01T00:00:00.000000000Z"));
    }
}
