package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Gadget;
import dev.dynamorm.it.model.Reading;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Pagination over a few thousand items, forwards and backwards, with filters; cursors misused. */
@DynamoBackend(models = Reading.class)
abstract class PaginationSuite {

    private static final int ITEMS = 3000;
    private static final String SENSOR = "sensor-1";
    private static final String HIGH = "HIGH";

    private QueryRecorder recorder;
    private Table<Reading> readings;

    static Reading reading(int seq) {
        return new Reading(
                SENSOR, seq, seq % 3 == 0 ? HIGH : "LOW", seq * 10L, seq % 100, seq % 7 != 0);
    }

    @BeforeAll
    static void load(DynamORM db, DynamoDbClient raw) {
        Table<Reading> table = db.table(Reading.class);
        List<WriteRequest> pending = new ArrayList<>();
        for (int seq = 0; seq < ITEMS; seq++) {
            pending.add(
                    WriteRequest.builder()
                            .putRequest(
                                    PutRequest.builder().item(table.toItem(reading(seq))).build())
                            .build());
        }
        while (!pending.isEmpty()) {
            List<WriteRequest> batch =
                    new ArrayList<>(pending.subList(0, Math.min(25, pending.size())));
            pending.subList(0, batch.size()).clear();
            BatchWriteItemResponse r =
                    raw.batchWriteItem(b -> b.requestItems(Map.of(table.tableName(), batch)));
            if (r.hasUnprocessedItems() && r.unprocessedItems().containsKey(table.tableName())) {
                pending.addAll(r.unprocessedItems().get(table.tableName()));
            }
        }
    }

    @BeforeEach
    void setUp(BackendContext context) {
        recorder = new QueryRecorder(context);
        readings = recorder.db().table(Reading.class);
    }

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    private static List<Integer> expected(IntPredicate keep) {
        return IntStream.range(0, ITEMS).filter(keep).boxed().toList();
    }

    private static List<Integer> seqs(List<Reading> items) {
        return items.stream().map(Reading::seq).toList();
    }

    /** Reads every page of a query with the given page size, checking each page. */
    private static List<Integer> allPages(Query<Reading> q, int pageSize) {
        List<Integer> out = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Query<Reading> sized = q.limit(pageSize);
            Page<Reading> page = (cursor == null ? sized : sized.after(cursor)).page();
            assertThat(page.returnedCount()).isLessThanOrEqualTo(pageSize);
            assertThat(page.scannedCount()).isGreaterThanOrEqualTo(page.returnedCount());
            if (page.hasNext()) {
                assertThat(page.returnedCount()).isEqualTo(pageSize);
                assertThat(page.cursor()).matches("[A-Za-z0-9_-]+");
            }
            out.addAll(seqs(page.items()));
            cursor = page.cursor();
            assertThat(++pages).isLessThan(ITEMS);
        } while (cursor != null);
        return out;
    }

    @Test
    void pagesForwardWithAFilter_visitEveryMatchOnceInOrder() {
        Query<Reading> q = readings.where("sensor", "=", SENSOR).where("value", "<", 10);
        assertThat(allPages(q, 50)).isEqualTo(expected(s -> s % 100 < 10));
        assertThat(allPages(q, 7)).isEqualTo(expected(s -> s % 100 < 10));
    }

    @Test
    void pagesBackwardWithAFilter_visitEveryMatchOnceInReverseOrder() {
        Query<Reading> q =
                readings.where("sensor", "=", SENSOR)
                        .where("ok", "=", false)
                        .orderBy(SortOrder.DESC);
        List<Integer> want = new ArrayList<>(expected(s -> s % 7 == 0));
        java.util.Collections.reverse(want);
        assertThat(allPages(q, 100)).isEqualTo(want);
        assertThat(recorder.queries()).allSatisfy(r -> assertThat(r.scanIndexForward()).isFalse());
    }

    @Test
    void pagesWithoutAFilter_andOverAGlobalIndex() {
        Query<Reading> q = readings.where("sensor", "=", SENSOR).where("seq", ">=", 1000);
        assertThat(allPages(q, 400)).isEqualTo(expected(s -> s >= 1000));
        Query<Reading> high = readings.where("level", "=", HIGH).where("value", ">=", 90);
        assertThat(high.explain().indexName()).contains("by-level");
        assertThat(allPages(high, 25)).isEqualTo(expected(s -> s % 3 == 0 && s % 100 >= 90));
        List<Integer> back = new ArrayList<>(expected(s -> s % 3 == 0 && s % 100 >= 90));
        java.util.Collections.reverse(back);
        assertThat(allPages(high.orderBy(SortOrder.DESC), 25)).isEqualTo(back);
    }

    @Test
    void limit_countsResults_notEvaluatedItems() {
        List<Reading> found =
                readings.where("sensor", "=", SENSOR).where("value", "=", 99).limit(5).all();
        assertThat(seqs(found)).containsExactly(99, 199, 299, 399, 499);
        assertThat(recorder.queries().size()).isGreaterThan(1);
        assertThat(
                        readings.where("sensor", "=", SENSOR)
                                .where("value", "=", 42)
                                .where("seq", ">", 2500)
                                .first())
                .map(Reading::seq)
                .contains(2542);
        assertThat(readings.where("sensor", "=", SENSOR).limit(10).all()).hasSize(10);
    }

    @Test
    void count_equalsTheNumberOfItemsAllReturns() {
        Query<Reading> q = readings.where("sensor", "=", SENSOR).where("ok", "=", false);
        assertThat(q.count()).isEqualTo(q.all().size()).isEqualTo(expected(s -> s % 7 == 0).size());
        assertThat(readings.where("sensor", "=", SENSOR).count()).isEqualTo(ITEMS);
        assertThat(readings.where("level", "=", HIGH).count()).isEqualTo(ITEMS / 3);
        assertThat(readings.where("sensor", "=", SENSOR).where("ok", "=", false).limit(10).count())
                .isEqualTo(10);
    }

    @Test
    void stream_fetchesPagesAsConsumed_andStopsWhenClosed() {
        Query<Reading> q = readings.where("sensor", "=", SENSOR).where("ok", "=", true).limit(2500);
        try (Stream<Reading> s = q.stream()) {
            Iterator<Reading> it = s.iterator();
            for (int i = 0; i < 5; i++) {
                assertThat(it.next().ok()).isTrue();
            }
            assertThat(recorder.queries()).hasSize(1);
        }
        assertThat(recorder.queries()).hasSize(1);
        try (Stream<Reading> s = q.stream()) {
            assertThat(s.count()).isEqualTo(2500);
        }
        assertThat(recorder.queries().size()).isGreaterThan(2);
        recorder.clear();
        Stream<Reading> unused = q.stream();
        unused.close();
        assertThat(recorder.requests()).isEmpty();
    }

    @Test
    void scanAndParallelScan_returnTheSameItems_andScansPage() {
        Query<Reading> q = readings.query().filter("value", "<", 3);
        List<Integer> scanned = seqs(q.scan());
        assertThat(scanned).containsExactlyInAnyOrderElementsOf(expected(s -> s % 100 < 3));
        assertThat(seqs(q.parallelScan(3))).containsExactlyInAnyOrderElementsOf(scanned);
        assertThat(seqs(q.parallelScan(16))).containsExactlyInAnyOrderElementsOf(scanned);
        List<Integer> paged = allPages(q.allowScan(), 20);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(scanned).doesNotHaveDuplicates();
        assertThat(q.allowScan().count()).isEqualTo(scanned.size());
    }

    @Test
    void cursors_fromAnotherQueryModelIndexOrDirection_orAltered_areRejectedBeforeSending() {
        Query<Reading> q = readings.where("sensor", "=", SENSOR).where("value", "<", 10);
        String cursor = q.limit(10).page().cursor();
        assertThat(cursor).isNotNull();
        assertThat(seqs(q.limit(3).after(cursor).page().items())).containsExactly(100, 101, 102);
        recorder.clear();
        String prefix = "cursor for model dev.dynamorm.it.model.Reading ";
        assertThatThrownBy(
                        () ->
                                readings.where("sensor", "=", SENSOR)
                                        .where("value", "<", 20)
                                        .after(cursor)
                                        .page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        prefix
                                + "was made by another query (other model, conditions, values, projection or read "
                                + "mode): a cursor only continues the query that returned it");
        assertThatThrownBy(() -> q.orderBy(SortOrder.DESC).after(cursor).all())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        prefix
                                + "was made by a query in ASC order, but this query reads in DESC order: a cursor "
                                + "only continues the query that returned it");
        assertThatThrownBy(() -> readings.where("level", "=", HIGH).after(cursor).page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        prefix
                                + "was made by a query on the table, but this query reads index 'by-level': a cursor "
                                + "only continues the query that returned it");
        assertThatThrownBy(
                        () ->
                                recorder.db()
                                        .table(Gadget.class)
                                        .where("shop", "=", SENSOR)
                                        .after(cursor)
                                        .page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageStartingWith(
                        "cursor for model dev.dynamorm.it.model.Gadget was made by another query");
        assertThatThrownBy(() -> q.select("value").after(cursor).page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("was made by another query");
        assertThatThrownBy(() -> q.where("seq", "=", 5).after(cursor).page())
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(
                        () ->
                                readings.where("sensor", "=", SENSOR)
                                        .where("seq", "=", 5)
                                        .after(cursor)
                                        .first())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        prefix
                                + "cannot continue this query: it reads one item by its full key, so it has no "
                                + "further pages");
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[bytes.length - 17] ^= 1;
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> q.after(altered).page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(prefix + "was altered (its check does not match)");
        assertThatThrownBy(() -> q.after("not a cursor!").page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(prefix + "is not a DynamORM cursor (not URL-safe Base64)");
        assertThatThrownBy(() -> q.after("AAAA").page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(prefix + "is not a DynamORM cursor (too short)");
        bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[0] = 9;
        String future = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> q.after(future).page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        prefix
                                + "has format version 9; this version of DynamORM reads version 1: start the query "
                                + "again without after(..)");
        assertThat(recorder.requests()).isEmpty();
        assertThat(q.limit(10).page().cursor()).isEqualTo(cursor);
        assertThat(
                        readings.where("sensor", "=", SENSOR)
                                .where("value", "<", 10)
                                .limit(99)
                                .after(cursor)
                                .all())
                .extracting(Reading::seq)
                .first()
                .isEqualTo(100);
    }

    @Test
    void lastPage_hasNoCursor() {
        Page<Reading> page =
                readings.where("sensor", "=", SENSOR)
                        .where("seq", ">=", ITEMS - 5)
                        .limit(10)
                        .page();
        assertThat(seqs(page.items())).containsExactly(2995, 2996, 2997, 2998, 2999);
        assertThat(page.cursor()).isNull();
        assertThat(page.hasNext()).isFalse();
        // passing the last page's null cursor on is an error, not a silent restart at page 1
        Query<Reading> query = readings.where("sensor", "=", SENSOR);
        assertThatThrownBy(() -> query.after(page.cursor()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage(
                        "after(null): the last page has no cursor (check Page.hasNext()); to start"
                                + " from the first page, leave after(..) out");
        Page<Reading> exact =
                readings.where("sensor", "=", SENSOR).where("seq", ">=", ITEMS - 5).limit(5).page();
        if (exact.hasNext()) {
            assertThat(
                            readings.where("sensor", "=", SENSOR)
                                    .where("seq", ">=", ITEMS - 5)
                                    .limit(5)
                                    .after(exact.cursor())
                                    .page()
                                    .items())
                    .isEmpty();
        }
        assertThat(readings.where("sensor", "=", "nobody").page().items()).isEmpty();
        assertThat(readings.where("sensor", "=", "nobody").page().cursor()).isNull();
        assertThat(
                        readings
                                .where("sensor", "=", SENSOR)
                                .where("value", "=", 7)
                                .limit(1000)
                                .page()
                                .items()
                                .stream()
                                .map(Reading::seq)
                                .collect(Collectors.toList()))
                .isEqualTo(expected(s -> s % 100 == 7));
    }
}
