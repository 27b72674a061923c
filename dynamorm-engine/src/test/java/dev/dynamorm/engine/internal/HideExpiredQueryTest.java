package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Page;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Ttl;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code hideExpiredItems(true)}, queries and scans drop items whose {@code @Ttl} time has
 * passed by the injected clock before they count toward the limit; on the embedded engine, whose
 * own TTL (by the real clock) has not expired them yet.
 */
final class HideExpiredQueryTest {

    /** Thirty days ahead, so the server's real-time TTL keeps every item. */
    private static final Instant NOW =
            Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final List<Integer> VISIBLE = List.of(1, 3, 5, 7, 9, 11, 13, 15, 17, 19);

    private static LocalDynamoDb local;
    private static DynamORM hiding;
    private static DynamORM showing;

    @DynamoTable("visits")
    record Visit(
            @PartitionKey String user, @SortKey int seq, String note, @Ttl Instant expiresAt) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        hiding =
                DynamORM.builder()
                        .client(local.client())
                        .clock(CLOCK)
                        .hideExpiredItems(true)
                        .build();
        showing = DynamORM.builder().client(local.client()).clock(CLOCK).build();
        Table<Visit> visits = hiding.table(Visit.class);
        visits.createTable();
        for (int seq = 0; seq < 20; seq++) {
            // even items expired an hour ago by the clock, odd ones expire in an hour
            Instant expiresAt =
                    seq % 2 == 0 ? NOW.minus(Duration.ofHours(1)) : NOW.plus(Duration.ofHours(1));
            visits.put(new Visit("u", seq, "n" + seq, expiresAt));
        }
    }

    @AfterAll
    static void stop() {
        hiding.close();
        showing.close();
        local.close();
    }

    private static Table<Visit> visits() {
        return hiding.table(Visit.class);
    }

    private static List<Integer> seqs(List<Visit> visits) {
        return visits.stream().map(Visit::seq).toList();
    }

    @Test
    void query_dropsExpiredItems_beforeTheyCountTowardTheLimit() {
        assertThat(seqs(visits().where("user", "=", "u").all())).isEqualTo(VISIBLE);
        assertThat(seqs(visits().where("user", "=", "u").limit(3).all())).containsExactly(1, 3, 5);
        assertThat(visits().where("user", "=", "u").first()).map(Visit::seq).contains(1);
        assertThat(seqs(visits().where("user", "=", "u").where("seq", ">=", 4).limit(2).all()))
                .containsExactly(5, 7);
        try (Stream<Visit> stream = visits().where("user", "=", "u").limit(4).stream()) {
            assertThat(stream.map(Visit::seq).collect(Collectors.toList()))
                    .containsExactly(1, 3, 5, 7);
        }
        assertThat(seqs(showing.table(Visit.class).where("user", "=", "u").all())).hasSize(20);
    }

    @Test
    void count_countsOnlyItemsNotHidden() {
        assertThat(visits().where("user", "=", "u").count()).isEqualTo(10);
        assertThat(visits().where("user", "=", "u").limit(4).count()).isEqualTo(4);
        assertThat(visits().query().allowScan().count()).isEqualTo(10);
        assertThat(showing.table(Visit.class).where("user", "=", "u").count()).isEqualTo(20);
    }

    @Test
    void pages_holdOnlyVisibleItems_andCursorsContinueAfterThem() {
        Page<Visit> first = visits().where("user", "=", "u").limit(4).page();
        assertThat(seqs(first.items())).containsExactly(1, 3, 5, 7);
        Page<Visit> second = visits().where("user", "=", "u").limit(4).after(first.cursor()).page();
        assertThat(seqs(second.items())).containsExactly(9, 11, 13, 15);
        Page<Visit> last = visits().where("user", "=", "u").limit(4).after(second.cursor()).page();
        assertThat(seqs(last.items())).containsExactly(17, 19);
        assertThat(last.cursor()).isNull();
    }

    @Test
    void scans_andKeyLookups_hideExpiredItems() {
        assertThat(visits().scan())
                .extracting(Visit::seq)
                .containsExactlyInAnyOrderElementsOf(VISIBLE);
        assertThat(visits().query().parallelScan(3))
                .extracting(Visit::seq)
                .containsExactlyInAnyOrderElementsOf(VISIBLE);
        assertThat(visits().where("user", "=", "u").where("seq", "=", 2).first()).isEmpty();
        assertThat(visits().where("user", "=", "u").where("seq", "=", 3).first())
                .map(Visit::seq)
                .contains(3);
        assertThat(visits().get("u", 2)).isEmpty();
    }

    @Test
    void projections_withoutTheTtlField_stillHideExpiredItems_andReturnOnlyWhatWasSelected() {
        List<Visit> notes = visits().where("user", "=", "u").select("note").all();
        assertThat(notes)
                .extracting(Visit::note)
                .containsExactlyElementsOf(VISIBLE.stream().map(i -> "n" + i).toList());
        assertThat(notes).extracting(Visit::expiresAt).containsOnlyNulls();
        assertThat(visits().where("user", "=", "u").where("seq", "=", 2).select("note").first())
                .isEmpty();
        assertThat(visits().where("user", "=", "u").where("seq", "=", 3).select("note").first())
                .map(Visit::expiresAt)
                .isEmpty();
        assertThat(visits().where("user", "=", "u").select("note", "expiresAt").limit(1).all())
                .extracting(Visit::expiresAt)
                .containsExactly(NOW.plus(Duration.ofHours(1)));
    }
}
