package dev.dynamorm.it;

import static dev.dynamorm.Condition.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Query;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.it.model.Address;
import dev.dynamorm.it.model.Gadget;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every operator on keys, filters, nested fields and list elements; groups; projections; terminal
 * calls.
 */
@DynamoBackend(models = Gadget.class)
abstract class QuerySuite {

    private static final String GADGET = "dev.dynamorm.it.model.Gadget";

    private QueryRecorder recorder;
    private Table<Gadget> gadgets;
    private String shop;

    @BeforeEach
    void setUp(BackendContext context) {
        recorder = new QueryRecorder(context);
        gadgets = recorder.db().table(Gadget.class);
        shop = UUID.randomUUID().toString();
        gadgets.put(
                new Gadget(
                        shop,
                        "a-1",
                        "Alpha drill",
                        1500,
                        3,
                        true,
                        new Address("1 Main", "Paris", 75001),
                        List.of("red", "tools"),
                        Set.of("new", "sale"),
                        Set.of(1, 2),
                        Map.of("x", 1),
                        "fragile"));
        gadgets.put(
                new Gadget(
                        shop,
                        "a-2",
                        "Beta saw",
                        2500,
                        0,
                        false,
                        new Address(null, "Lyon", 69001),
                        List.of("blue"),
                        Set.of("sale"),
                        Set.of(3),
                        Map.of("x", 1, "y", 2),
                        null));
        gadgets.put(
                new Gadget(
                        shop,
                        "b-1",
                        "Gamma hammer",
                        900,
                        12,
                        true,
                        null,
                        List.of("red", "green", "blue"),
                        Set.of("new"),
                        null,
                        null,
                        "heavy"));
        gadgets.put(
                new Gadget(
                        shop,
                        "b-2",
                        "Delta drill",
                        3100,
                        7,
                        true,
                        new Address(null, "Paris", 75002),
                        List.of(),
                        null,
                        Set.of(4, 5, 6),
                        Map.of(),
                        "fragile glass"));
        gadgets.put(
                new Gadget(
                        shop,
                        "c-1",
                        "Epsilon",
                        50,
                        100,
                        false,
                        new Address(null, "Nice", null),
                        List.of("green"),
                        Set.of("old"),
                        Set.of(1),
                        Map.of("z", 3),
                        null));
        recorder.clear();
    }

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    private Query<Gadget> inShop() {
        return gadgets.where("shop", "=", shop);
    }

    private static List<String> skus(List<Gadget> items) {
        return items.stream().map(Gadget::sku).toList();
    }

    private List<String> where(String field, String op, Object value) {
        return skus(inShop().where(field, op, value).all());
    }

    // ---- key conditions ----

    @Test
    void sortKeyOperators_areKeyConditions() {
        assertThat(where("sku", "<", "b-1")).containsExactly("a-1", "a-2");
        assertThat(where("sku", "<=", "b-1")).containsExactly("a-1", "a-2", "b-1");
        assertThat(where("sku", ">", "b-1")).containsExactly("b-2", "c-1");
        assertThat(where("sku", ">=", "b-2")).containsExactly("b-2", "c-1");
        assertThat(where("sku", "BETWEEN", List.of("a-2", "b-2")))
                .containsExactly("a-2", "b-1", "b-2");
        assertThat(where("sku", "BEGINS_WITH", "b")).containsExactly("b-1", "b-2");
        assertThat(recorder.queries())
                .hasSize(6)
                .allSatisfy(
                        q -> {
                            assertThat(q.filterExpression()).isNull();
                            assertThat(q.indexName()).isNull();
                        });
        assertThat(recorder.queries().get(5).keyConditionExpression())
                .isEqualTo("#n0 = :v0 AND begins_with(#n1, :v1)");
        assertThat(recorder.queries().get(5).expressionAttributeNames())
                .isEqualTo(Map.of("#n0", "shop", "#n1", "sku"));
    }

    @Test
    void fullKeyWithEquals_isAGetItem_andWithAFilterAQuery() {
        assertThat(where("sku", "=", "a-2")).containsExactly("a-2");
        assertThat(recorder.gets()).hasSize(1);
        assertThat(recorder.queries()).isEmpty();
        assertThat(skus(inShop().where("sku", "=", "a-2").where("price", ">", 5000).all()))
                .isEmpty();
        assertThat(recorder.queries())
                .singleElement()
                .satisfies(q -> assertThat(q.filterExpression()).isEqualTo("#n2 > :v2"));
    }

    @Test
    void geAndLeOnTheSortKey_mergeIntoBetween() {
        List<Gadget> found = inShop().where("sku", ">=", "a-2").where("sku", "<=", "b-2").all();
        assertThat(skus(found)).containsExactly("a-2", "b-1", "b-2");
        assertThat(recorder.queries().get(0).keyConditionExpression())
                .isEqualTo("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2");
    }

    // ---- filters ----

    @Test
    void comparisonOperators_filterNumbers() {
        assertThat(where("price", "=", 900)).containsExactly("b-1");
        assertThat(where("price", "<>", 900)).containsExactly("a-1", "a-2", "b-2", "c-1");
        assertThat(where("price", "!=", 900)).containsExactly("a-1", "a-2", "b-2", "c-1");
        assertThat(where("price", "<", 1000)).containsExactly("b-1", "c-1");
        assertThat(where("price", "<=", 900)).containsExactly("b-1", "c-1");
        assertThat(where("price", ">", 2500)).containsExactly("b-2");
        assertThat(where("price", ">=", 2500)).containsExactly("a-2", "b-2");
        assertThat(where("price", "BETWEEN", new long[] {900, 1500})).containsExactly("a-1", "b-1");
        assertThat(where("price", "IN", List.of(50, 2500))).containsExactly("a-2", "c-1");
        assertThat(where("active", "=", true)).containsExactly("a-1", "b-1", "b-2");
    }

    @Test
    void stringAndCollectionOperators_filter() {
        assertThat(where("title", "BEGINS_WITH", "Delta")).containsExactly("b-2");
        assertThat(where("title", "CONTAINS", "drill")).containsExactly("a-1", "b-2");
        assertThat(where("title", "NOT_CONTAINS", "drill")).containsExactly("a-2", "b-1", "c-1");
        assertThat(where("labels", "CONTAINS", "sale")).containsExactly("a-1", "a-2");
        assertThat(where("sizes", "CONTAINS", 4)).containsExactly("b-2");
        assertThat(where("tags", "CONTAINS", "red")).containsExactly("a-1", "b-1");
        assertThat(where("note", "EXISTS", null)).containsExactly("a-1", "b-1", "b-2");
        assertThat(where("note", "NOT_EXISTS", null)).containsExactly("a-2", "c-1");
        assertThat(where("title", "IN", List.of("Epsilon", "Beta saw", "nothing")))
                .containsExactly("a-2", "c-1");
    }

    @Test
    void nestedFieldsAndListElements_filter() {
        assertThat(where("address.city", "=", "Paris")).containsExactly("a-1", "b-2");
        assertThat(where("address.zip", ">", 70000)).containsExactly("a-1", "b-2");
        assertThat(where("address.zip", "NOT_EXISTS", null)).containsExactly("b-1", "c-1");
        assertThat(where("address.city", "BEGINS_WITH", "L")).containsExactly("a-2");
        assertThat(where("tags[0]", "=", "red")).containsExactly("a-1", "b-1");
        assertThat(where("tags[2]", "=", "blue")).containsExactly("b-1");
        assertThat(where("tags[1]", "EXISTS", null)).containsExactly("a-1", "b-1");
        assertThat(recorder.queries().get(4).filterExpression()).isEqualTo("#n1[0] = :v1");
        assertThat(recorder.queries().get(0).filterExpression()).isEqualTo("#n1.#n2 = :v1");
    }

    @Test
    void sizeAndAttributeType_filter() {
        assertThat(where("title", "SIZE >", 9)).containsExactly("a-1", "b-1", "b-2");
        assertThat(where("tags", "SIZE =", 0)).containsExactly("b-2");
        assertThat(where("labels", "size >=", 2)).containsExactly("a-1");
        assertThat(where("counts", "SIZE BETWEEN", List.of(1, 1))).containsExactly("a-1", "c-1");
        assertThat(where("sizes", "SIZE IN", List.of(3, 9))).containsExactly("b-2");
        assertThat(where("labels", "ATTRIBUTE_TYPE", "SS"))
                .containsExactly("a-1", "a-2", "b-1", "c-1");
        assertThat(where("sizes", "ATTRIBUTE_TYPE", AttributeValue.Type.NS))
                .containsExactly("a-1", "a-2", "b-2", "c-1");
        assertThat(where("address", "ATTRIBUTE_TYPE", "M"))
                .containsExactly("a-1", "a-2", "b-2", "c-1");
        assertThat(skus(inShop().where(Condition.size("tags", dev.dynamorm.Operator.GT, 1)).all()))
                .containsExactly("a-1", "b-1");
        assertThat(
                        skus(
                                inShop().where(
                                                Condition.attributeType(
                                                        "note", AttributeValue.Type.S))
                                        .all()))
                .containsExactly("a-1", "b-1", "b-2");
        assertThat(recorder.queries().get(0).filterExpression()).isEqualTo("size(#n1) > :v1");
        assertThat(recorder.queries().get(5).filterExpression())
                .isEqualTo("attribute_type(#n1, :v1)");
        assertThat(recorder.queries().get(5).expressionAttributeValues().get(":v1").s())
                .isEqualTo("SS");
    }

    @Test
    void sizeAndAttributeTypeConditions_alsoGuardWrites() {
        Gadget a1 = gadgets.get(shop, "a-1").orElseThrow();
        gadgets.put(
                a1,
                dev.dynamorm.WriteOptions.when(
                        Condition.size("tags", dev.dynamorm.Operator.EQ, 2)
                                .and(Condition.attributeType("labels", AttributeValue.Type.SS))));
        assertThatThrownBy(
                        () ->
                                gadgets.put(
                                        a1,
                                        dev.dynamorm.WriteOptions.when(when("title", "SIZE <", 3))))
                .isInstanceOf(dev.dynamorm.ConditionFailedException.class);
        assertThatThrownBy(
                        () ->
                                gadgets.put(
                                        a1,
                                        dev.dynamorm.WriteOptions.when(
                                                when("note", "ATTRIBUTE_TYPE", "N"))))
                .isInstanceOf(dev.dynamorm.ConditionFailedException.class);
    }

    @Test
    void orFilterAndNestedGroups_combine() {
        assertThat(skus(inShop().where("price", "<", 100).or("price", ">", 3000).all()))
                .containsExactly("b-2", "c-1");
        assertThat(recorder.queries().get(0).filterExpression())
                .isEqualTo("(#n1 < :v1) OR (#n1 > :v2)");
        Condition group =
                when("active", "=", true)
                        .and(when("stock", ">", 5))
                        .or(when("title", "BEGINS_WITH", "Beta"));
        assertThat(skus(inShop().where(group).all())).containsExactly("a-2", "b-1", "b-2");
        assertThat(skus(inShop().where(when("price", ">", 1000).negate()).all()))
                .containsExactly("b-1", "c-1");
        assertThat(
                        skus(
                                inShop().filter("stock", ">", 5)
                                        .where("note", "EXISTS", null)
                                        .or("title", "=", "Epsilon")
                                        .all()))
                .containsExactly("b-1", "b-2", "c-1");
        assertThat(
                        skus(
                                inShop().where("sku", "BEGINS_WITH", "a")
                                        .filter(
                                                when("labels", "CONTAINS", "new")
                                                        .or(when("stock", "=", 0)))
                                        .all()))
                .containsExactly("a-1", "a-2");
    }

    @Test
    void filterOnAKeyField_cannotQuery_butAllowScanReadsIt() {
        assertThatThrownBy(() -> gadgets.query().filter("shop", "=", shop).all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessage(
                        "query on model "
                                + GADGET
                                + " needs a partition key bound with '=', but the conditions are "
                                + "[shop =]; keys that can serve a query: [table: shop + sku]; or call allowScan() or scan() to "
                                + "read the whole table");
        assertThatThrownBy(() -> inShop().filter("sku", "=", "a-1").all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessage(
                        "query on model "
                                + GADGET
                                + " with conditions [shop =, sku =] cannot be served by any key: "
                                + "table: condition sku = on key field 'sku' cannot be a key condition, and DynamoDB does not "
                                + "filter a Query on its key attributes; change the conditions or call allowScan() or scan() to "
                                + "read the whole table");
        assertThat(recorder.requests()).isEmpty();
        assertThat(skus(inShop().filter("sku", "=", "a-1").allowScan().all()))
                .containsExactly("a-1");
        assertThat(recorder.scans())
                .singleElement()
                .satisfies(
                        s -> assertThat(s.filterExpression()).isEqualTo("#n0 = :v0 AND #n1 = :v1"));
    }

    // ---- projections ----

    @Test
    void select_returnsPartiallyFilledModels_withKeys() {
        List<Gadget> found =
                inShop().where("price", ">", 2000).select("title", "price", "address.city").all();
        assertThat(found)
                .extracting(Gadget::sku, Gadget::title, Gadget::price)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a-2", "Beta saw", 2500L),
                        org.assertj.core.groups.Tuple.tuple("b-2", "Delta drill", 3100L));
        Gadget first = found.get(0);
        assertThat(first.shop()).isEqualTo(shop);
        assertThat(first.stock()).isZero();
        assertThat(first.tags()).isNull();
        assertThat(first.note()).isNull();
        assertThat(first.address()).isEqualTo(new Address(null, "Lyon", null));
        assertThat(recorder.queries().get(0).projectionExpression())
                .isEqualTo("#n2, #n1, #n3.#n4, #n0, #n5");
        assertThat(inShop().where("sku", "=", "a-1").select("labels").first())
                .get()
                .satisfies(
                        g -> {
                            assertThat(g.labels()).containsExactlyInAnyOrder("new", "sale");
                            assertThat(g.title()).isNull();
                        });
        assertThat(recorder.gets())
                .singleElement()
                .satisfies(g -> assertThat(g.projectionExpression()).isNotNull());
    }

    // ---- terminal calls ----

    @Test
    void firstStreamCountAndLimit_agreeWithAll() {
        Query<Gadget> q = inShop().where("price", ">", 800);
        assertThat(skus(q.all())).containsExactly("a-1", "a-2", "b-1", "b-2");
        assertThat(q.count()).isEqualTo(q.all().size()).isEqualTo(4);
        assertThat(q.first()).map(Gadget::sku).contains("a-1");
        assertThat(q.orderBy(SortOrder.DESC).first()).map(Gadget::sku).contains("b-2");
        assertThat(skus(q.limit(3).all())).containsExactly("a-1", "a-2", "b-1");
        assertThat(q.limit(3).count()).isEqualTo(3);
        try (Stream<Gadget> s = q.stream()) {
            assertThat(s.map(Gadget::sku)).containsExactly("a-1", "a-2", "b-1", "b-2");
        }
        assertThat(inShop().count()).isEqualTo(5);
        assertThat(inShop().where("sku", "=", "a-1").count()).isEqualTo(1);
        assertThat(inShop().where("sku", "=", "zzz").count()).isZero();
        assertThat(recorder.queries())
                .filteredOn(r -> "COUNT".equals(r.selectAsString()))
                .hasSize(3);
    }

    @Test
    void scanAndParallelScan_returnTheSameItems() {
        Query<Gadget> q = gadgets.query().where("shop", "=", shop).where("price", ">", 800);
        List<String> scanned = skus(q.scan());
        assertThat(scanned).containsExactlyInAnyOrder("a-1", "a-2", "b-1", "b-2");
        assertThat(skus(q.parallelScan(4))).containsExactlyInAnyOrderElementsOf(scanned);
        assertThat(recorder.scans())
                .filteredOn(s -> s.totalSegments() != null)
                .hasSize(4)
                .extracting(s -> s.segment())
                .containsExactlyInAnyOrder(0, 1, 2, 3);
        Set<String> all = new LinkedHashSet<>();
        gadgets.scan()
                .forEach(
                        g -> {
                            if (g.shop().equals(shop)) {
                                all.add(g.sku());
                            }
                        });
        assertThat(all).containsExactlyInAnyOrder("a-1", "a-2", "b-1", "b-2", "c-1");
        assertThatThrownBy(() -> q.parallelScan(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelScan needs 1 to 1000 segments, got 0");
    }

    @Test
    void query_isImmutableAndShareable() throws Exception {
        Query<Gadget> base = inShop();
        Query<Gadget> cheap = base.where("price", "<", 1000);
        assertThat(skus(base.all())).hasSize(5);
        assertThat(skus(cheap.all())).containsExactly("b-1", "c-1");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    for (int k = 0; k < 5; k++) {
                                        assertThat(skus(cheap.all())).containsExactly("b-1", "c-1");
                                    }
                                } catch (Throwable e) {
                                    failures.add(e);
                                }
                            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void explain_showsThePlanWithoutSending_andRedactsValues() {
        QueryPlan plan = inShop().where("address.city", "=", "Paris").select("title").explain();
        assertThat(recorder.requests()).isEmpty();
        assertThat(plan.operation()).isEqualTo(Operation.QUERY);
        assertThat(plan.indexName()).isEmpty();
        assertThat(plan.keyCondition()).contains("#n0 = :v0");
        assertThat(plan.filter()).contains("#n1.#n2 = :v1");
        assertThat(plan.expressionNames())
                .containsEntry("#n1", "address")
                .containsEntry("#n2", "city");
        assertThat(plan.expressionValues().get(":v1").s()).isEqualTo("Paris");
        assertThat(plan.toString())
                .doesNotContain("Paris")
                .doesNotContain(shop)
                .contains("<redacted>");
        assertThat(plan.describe(true)).contains("Paris");
        assertThat(plan.candidates())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.chosen()).isTrue();
                            assertThat(c.score()).hasValue(112);
                        });
    }

    // ---- invalid queries fail before sending ----

    @Test
    void invalidQueries_failBeforeSending() {
        assertThatThrownBy(() -> inShop().where("prise", ">", 1).all())
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(
                        "unknown field 'prise' in model "
                                + GADGET
                                + ": did you mean 'price'? fields are [shop, sku, "
                                + "title, price, stock, active, address, tags, labels, sizes, counts, note]");
        assertThatThrownBy(() -> inShop().where("address.town", "=", "x").all())
                .isInstanceOf(UnknownFieldException.class)
                .hasMessageStartingWith("unknown field 'address.town' in model " + GADGET);
        assertThatThrownBy(() -> inShop().where("price", "BEGINS_WITH", "1").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "BEGINS_WITH needs a string or binary field, but 'price' of model "
                                + GADGET
                                + " is long");
        assertThatThrownBy(() -> inShop().where("price", "BETWEEN", List.of(10, 5)).all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "BETWEEN on field 'price' of model "
                                + GADGET
                                + " has low 10 greater than high 5");
        assertThatThrownBy(() -> inShop().where("sku", "BETWEEN", List.of("b", "a")).all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "BETWEEN on field 'sku' of model "
                                + GADGET
                                + " has low b greater than high a");
        assertThatThrownBy(
                        () ->
                                inShop().where(
                                                "price",
                                                "IN",
                                                IntStream.range(0, 101).boxed().toList())
                                        .all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "IN on field 'price' of model "
                                + GADGET
                                + " needs 1 to 100 values, got 101");
        assertThatThrownBy(() -> inShop().where("price", "IN", List.of()).all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "IN on field 'price' of model " + GADGET + " needs 1 to 100 values, got 0");
        assertThatThrownBy(() -> inShop().where("price", "=", "cheap").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'cheap' (String) does not fit field 'price' of model "
                                + GADGET
                                + ", which is long");
        assertThatThrownBy(() -> inShop().where("price", "SIZE >", 1).all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "SIZE needs a string, binary, set, list or map field, but 'price' of model "
                                + GADGET
                                + " is long");
        assertThatThrownBy(() -> inShop().where("tags", "SIZE >", "one").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "SIZE on field 'tags' of model "
                                + GADGET
                                + " compares with a number, got one (String)");
        assertThatThrownBy(() -> inShop().where("title", "=", null).all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "null value for field 'title' of model "
                                + GADGET
                                + ": use EXISTS or NOT_EXISTS to test for "
                                + "absence");
        assertThatThrownBy(() -> inShop().orderBy("title", SortOrder.DESC).all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "orderBy('title') on model "
                                + GADGET
                                + ": results can only be ordered by a sort key (of "
                                + "the table or an index), and 'title' is none; sort keys are [sku]");
        assertThatThrownBy(() -> inShop().index("by-nothing").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "model "
                                + GADGET
                                + " has no index 'by-nothing'; its indexes are [] (or Query.TABLE for the "
                                + "table's own key)");
        assertThatThrownBy(
                        () -> gadgets.query().where("price", ">", 1).orderBy(SortOrder.DESC).scan())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "query on model "
                                + GADGET
                                + " would be a scan, which returns items in no particular order: "
                                + "drop orderBy(..) or bind a partition key with '='");
        assertThatThrownBy(() -> gadgets.query().or("price", "=", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "or(..) needs a condition before it: start with where(..) or filter(..)");
        assertThatThrownBy(() -> inShop().limit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be at least 1, got 0");
        assertThatThrownBy(() -> inShop().where("price", "LIKE", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown operator 'LIKE'");
        assertThat(recorder.requests()).isEmpty();
    }
}
