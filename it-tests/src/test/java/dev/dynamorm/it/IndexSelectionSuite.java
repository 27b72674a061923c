package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.IndexScorer;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Shipment;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Index selection on a model with three GSIs (ALL, KEYS_ONLY, INCLUDE projections) and two LSIs
 * (ALL, KEYS_ONLY), asserted through {@code explain()} and through the requests the SDK sent.
 */
@DynamoBackend(models = Shipment.class)
abstract class IndexSelectionSuite {

    private static final String SHIPMENT = "dev.dynamorm.it.model.Shipment";
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private QueryRecorder recorder;
    private Table<Shipment> shipments;
    private String w;
    private String ups;
    private String fresh;
    private String zip;

    @BeforeEach
    void setUp(BackendContext context) {
        recorder = new QueryRecorder(context);
        shipments = recorder.db().table(Shipment.class);
        w = UUID.randomUUID().toString();
        ups = "UPS-" + w;
        fresh = "NEW-" + w;
        zip = "zip-" + w;
        shipments.put(shipment("s1", ups, fresh, 1, 500, 1));
        shipments.put(shipment("s2", ups, "SHIPPED-" + w, 2, 1500, 2));
        shipments.put(shipment("s3", "DHL-" + w, fresh, 3, 2500, 3));
        shipments.put(shipment("s4", ups, fresh, 4, 100, 1));
        recorder.clear();
    }

    private Shipment shipment(
            String id, String carrier, String status, int minute, long weight, int priority) {
        return new Shipment(
                w,
                id,
                carrier,
                status,
                T0.plusSeconds(60L * minute),
                zip,
                weight,
                priority,
                List.of("tag-" + id),
                "note " + id);
    }

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    private Query<Shipment> inWarehouse() {
        return shipments.where("warehouse", "=", w);
    }

    private static List<String> ids(List<Shipment> items) {
        return items.stream().map(Shipment::shipmentId).toList();
    }

    /** Runs the query and checks that the request sent is the plan explain() showed. */
    private QueryRequest sentAsExplained(Query<Shipment> q, QueryPlan plan) {
        recorder.clear();
        q.all();
        assertThat(recorder.queries()).hasSize(1);
        QueryRequest sent = recorder.queries().get(0);
        assertThat(sent.indexName()).isEqualTo(plan.indexName().orElse(null));
        assertThat(sent.keyConditionExpression()).isEqualTo(plan.keyCondition().orElseThrow());
        assertThat(sent.filterExpression()).isEqualTo(plan.filter().orElse(null));
        assertThat(sent.projectionExpression()).isEqualTo(plan.projection().orElse(null));
        assertThat(sent.expressionAttributeNames()).isEqualTo(plan.expressionNames());
        assertThat(sent.expressionAttributeValues()).isEqualTo(plan.expressionValues());
        return sent;
    }

    @Test
    void partitionKeyOnly_theTableWinsTheTieWithItsLocalIndexes() {
        Query<Shipment> q = inWarehouse();
        QueryPlan plan = q.explain();
        assertThat(plan.operation()).isEqualTo(Operation.QUERY);
        assertThat(plan.indexName()).isEmpty();
        assertThat(plan.candidates())
                .extracting(QueryPlan.Candidate::path, QueryPlan.Candidate::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("table", OptionalInt.of(112)),
                        org.assertj.core.groups.Tuple.tuple("by-carrier", OptionalInt.empty()),
                        org.assertj.core.groups.Tuple.tuple("by-status", OptionalInt.empty()),
                        org.assertj.core.groups.Tuple.tuple("by-zip", OptionalInt.empty()),
                        org.assertj.core.groups.Tuple.tuple("by-weight", OptionalInt.of(111)),
                        org.assertj.core.groups.Tuple.tuple("by-priority", OptionalInt.of(101)));
        assertThat(plan.candidates().get(1).note())
                .isEqualTo("partition key 'carrier' is not bound with '='");
        assertThat(plan.candidates().get(5).note())
                .isEqualTo(
                        "partition key warehouse =, fetches [carrier, status, shippedAt, zip, weightGrams, tags, note] from the table");
        assertThat(plan.reason())
                .isEqualTo("table: score 112 > by-weight: score 111 (partition key warehouse =)");
        assertThat(ids(q.all())).containsExactly("s1", "s2", "s3", "s4");
        sentAsExplained(q, plan);
    }

    @Test
    void rangeOnALocalIndexSortKey_choosesThatIndex() {
        Query<Shipment> q = inWarehouse().where("weightGrams", ">", 400);
        QueryPlan plan = q.explain();
        assertThat(plan.indexName()).contains("by-weight");
        assertThat(plan.reason())
                .isEqualTo(
                        "by-weight: score 131 > table: score 112 (partition key warehouse =, sort "
                                + "key weightGrams >)");
        assertThat(ids(q.all())).containsExactly("s1", "s2", "s3");
        QueryRequest sent = sentAsExplained(q, plan);
        assertThat(sent.keyConditionExpression()).isEqualTo("#n0 = :v0 AND #n1 > :v1");
        assertThat(sent.filterExpression()).isNull();
    }

    @Test
    void sortKeyEquality_beatsARange_evenOnAKeysOnlyLocalIndex_whichFetchesFromTheTable() {
        Query<Shipment> q = inWarehouse().where("priority", "=", 1).where("weightGrams", ">", 200);
        QueryPlan plan = q.explain();
        assertThat(plan.indexName()).contains("by-priority");
        assertThat(plan.candidates().get(0).score()).hasValue(151);
        List<Shipment> found = q.all();
        assertThat(ids(found)).containsExactly("s1");
        assertThat(found.get(0).tags()).containsExactly("tag-s1");
        assertThat(found.get(0).note()).isEqualTo("note s1");
        QueryRequest sent = sentAsExplained(q, plan);
        assertThat(sent.selectAsString()).isEqualTo("ALL_ATTRIBUTES");
        assertThat(sent.filterExpression()).isEqualTo("#n2 > :v2");
    }

    @Test
    void beginsWithOnTheTableSortKey_beatsARangeOnALocalIndex() {
        Query<Shipment> q =
                inWarehouse()
                        .where("shipmentId", "BEGINS_WITH", "s")
                        .where("weightGrams", ">", 200);
        QueryPlan plan = q.explain();
        assertThat(plan.indexName()).isEmpty();
        assertThat(plan.reason()).startsWith("table: score 142 > by-weight: score 131");
        assertThat(ids(q.all())).containsExactly("s1", "s2", "s3");
        sentAsExplained(q, plan);
    }

    @Test
    void fullPrimaryKey_isAGetItem() {
        QueryPlan plan = inWarehouse().where("shipmentId", "=", "s2").explain();
        assertThat(plan.operation()).isEqualTo(Operation.GET);
        assertThat(plan.reason()).endsWith("the full primary key is bound with '=', so a GetItem");
        assertThat(inWarehouse().where("shipmentId", "=", "s2").first())
                .map(Shipment::weightGrams)
                .contains(1500L);
        assertThat(recorder.gets()).hasSize(1);
        assertThat(recorder.queries()).isEmpty();
    }

    @Test
    void globalIndex_isChosenForItsPartitionKey_andOrdersBySortKey() {
        Query<Shipment> q =
                shipments.where("carrier", "=", ups).where("shippedAt", ">", T0.plusSeconds(60));
        QueryPlan plan = q.explain();
        assertThat(plan.indexName()).contains("by-carrier");
        assertThat(plan.reason())
                .isEqualTo(
                        "by-carrier: the only path that can serve the query (partition key "
                                + "carrier =, sort key shippedAt >)");
        assertThat(ids(q.all())).containsExactly("s2", "s4");
        assertThat(ids(q.orderBy(SortOrder.DESC).all())).containsExactly("s4", "s2");
        assertThat(recorder.queries().get(1).scanIndexForward()).isFalse();
        sentAsExplained(q, plan);
    }

    @Test
    void keysOnlyGlobalIndex_isNotChosenForWholeItems_butServesAProjection() {
        assertThatThrownBy(() -> shipments.where("status", "=", fresh).all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessage(
                        "query on model "
                                + SHIPMENT
                                + " with conditions [status =] cannot be served by any key: "
                                + "table: partition key 'warehouse' is not bound with '='; by-carrier: partition key 'carrier' "
                                + "is not bound with '='; by-status: index projects KEYS_ONLY [warehouse, shipmentId, status, "
                                + "shippedAt], not [carrier, zip, weightGrams, priority, tags, note] that the query reads; "
                                + "select(..) only projected fields or widen the index projection; by-zip: partition key 'zip' "
                                + "is not bound with '='; by-weight: partition key 'warehouse' is not bound with '='; "
                                + "by-priority: partition key 'warehouse' is not bound with '='; change the conditions or call "
                                + "allowScan() or scan() to read the whole table");
        assertThatThrownBy(() -> shipments.where("status", "=", fresh).index("by-status").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "index('by-status') on model "
                                + SHIPMENT
                                + " cannot serve the query: index projects "
                                + "KEYS_ONLY [warehouse, shipmentId, status, shippedAt], not [carrier, zip, weightGrams, "
                                + "priority, tags, note] that the query reads; select(..) only projected fields or widen the "
                                + "index projection");
        assertThat(recorder.requests()).isEmpty();
        Query<Shipment> q = shipments.where("status", "=", fresh).select("shipmentId", "shippedAt");
        assertThat(q.explain().indexName()).contains("by-status");
        List<Shipment> found = q.all();
        assertThat(ids(found)).containsExactly("s1", "s3", "s4");
        assertThat(found)
                .allSatisfy(
                        s -> {
                            assertThat(s.carrier()).isNull();
                            assertThat(s.weightGrams()).isZero();
                            assertThat(s.warehouse()).isEqualTo(w);
                        });
    }

    @Test
    void includeProjection_coversTheIncludedFields_only() {
        Query<Shipment> q =
                shipments
                        .where("zip", "=", zip)
                        .select("shipmentId", "weightGrams")
                        .where("weightGrams", ">", 400);
        QueryPlan plan = q.explain();
        assertThat(plan.indexName()).contains("by-zip");
        assertThat(q.all())
                .extracting(Shipment::weightGrams)
                .containsExactlyInAnyOrder(500L, 1500L, 2500L);
        sentAsExplained(q, plan);
        assertThatThrownBy(() -> shipments.where("zip", "=", zip).select("note").all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessageContaining(
                        "by-zip: index projects INCLUDE [warehouse, shipmentId, zip, weightGrams], not "
                                + "[note] that the query reads");
    }

    @Test
    void consistentRead_isHonouredOnTheTableAndLocalIndexes_andRefusedOnGlobalOnes() {
        assertThatThrownBy(
                        () ->
                                shipments
                                        .where("carrier", "=", ups)
                                        .index("by-carrier")
                                        .consistentRead()
                                        .all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "consistentRead() on global secondary index 'by-carrier' of model "
                                + SHIPMENT
                                + ": DynamoDB "
                                + "reads global indexes eventually consistently only; drop consistentRead() or query the "
                                + "table or a local index");
        // the fix is the table or a local index, not a scan
        assertThatThrownBy(() -> shipments.where("carrier", "=", ups).consistentRead().all())
                .isInstanceOf(InvalidRequestException.class)
                .isNotInstanceOf(QueryRequiresScanException.class)
                .hasMessage(
                        "consistentRead() on model "
                                + SHIPMENT
                                + ": the conditions fit global secondary index 'by-carrier', which"
                                + " DynamoDB reads eventually consistently only; drop consistentRead(),"
                                + " or bind the table's key (or a local index's) to read consistently");
        assertThat(recorder.requests()).isEmpty();
        assertThat(ids(inWarehouse().where("weightGrams", ">", 1000).consistentRead().all()))
                .containsExactly("s2", "s3");
        assertThat(recorder.queries())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.indexName()).isEqualTo("by-weight");
                            assertThat(r.consistentRead()).isTrue();
                        });
        assertThat(inWarehouse().where("shipmentId", "=", "s1").consistentRead().first())
                .isPresent();
        assertThat(recorder.gets())
                .singleElement()
                .satisfies(g -> assertThat(g.consistentRead()).isTrue());
    }

    @Test
    void indexOverride_wins_andTableCanBeForced() {
        QueryPlan plan = inWarehouse().index("by-priority").explain();
        assertThat(plan.indexName()).contains("by-priority");
        assertThat(plan.reason()).isEqualTo("by-priority: asked for with index('by-priority')");
        assertThat(inWarehouse().index("by-priority").all())
                .extracting(Shipment::priority)
                .containsExactly(1, 1, 2, 3);
        Query<Shipment> forced = inWarehouse().where("weightGrams", ">", 1000).index(Query.TABLE);
        assertThat(forced.explain().indexName()).isEmpty();
        assertThat(forced.explain().filter()).contains("#n1 > :v1");
        assertThat(ids(forced.all())).containsExactly("s2", "s3");
    }

    @Test
    void userScorer_canAdjustOrReplaceTheDefault() {
        IndexScorer noLocal = c -> c.local() ? OptionalInt.empty() : c.defaultScore();
        Query<Shipment> q = inWarehouse().where("weightGrams", ">", 1000).indexScorer(noLocal);
        QueryPlan plan = q.explain();
        assertThat(plan.indexName()).isEmpty();
        assertThat(plan.candidates())
                .filteredOn(c -> c.path().equals("by-weight"))
                .singleElement()
                .satisfies(c -> assertThat(c.note()).startsWith("declined by the index scorer"));
        assertThat(ids(q.all())).containsExactly("s2", "s3");
        IndexScorer preferPriority =
                c ->
                        c.indexName().filter("by-priority"::equals).isPresent()
                                ? OptionalInt.of(1000)
                                : c.defaultScore();
        assertThat(inWarehouse().indexScorer(preferPriority).explain().indexName())
                .contains("by-priority");
    }

    @Test
    void orderByASortKeyField_choosesThePathSortedByIt() {
        Query<Shipment> q = inWarehouse().orderBy("weightGrams", SortOrder.DESC);
        assertThat(q.explain().indexName()).contains("by-weight");
        assertThat(q.all())
                .extracting(Shipment::weightGrams)
                .containsExactly(2500L, 1500L, 500L, 100L);
        assertThat(shipments.where("carrier", "=", ups).orderBy("shippedAt", SortOrder.ASC).all())
                .extracting(Shipment::shipmentId)
                .containsExactly("s1", "s2", "s4");
    }
}
