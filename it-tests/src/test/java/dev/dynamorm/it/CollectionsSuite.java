package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Page;
import dev.dynamorm.it.model.templates.Invoice;
import dev.dynamorm.it.model.templates.LibAcl;
import dev.dynamorm.it.model.templates.LibDoc;
import dev.dynamorm.it.model.templates.Library;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Collections (issue 17.3): one Query reads one partition of an entity family across its member
 * types, returned as the sealed type, page by page with cursors. Run on every backend by the
 * subclasses.
 */
@DynamoBackend(models = {Library.class, Invoice.class})
abstract class CollectionsSuite {

    private QueryRecorder recorder;
    private DynamORM db;
    private String tenant;
    private List<Library> stored;

    @BeforeEach
    void setUp(BackendContext context) {
        recorder = new QueryRecorder(context);
        db = recorder.db();
        tenant = UUID.randomUUID().toString();
        stored = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            stored.add(new LibDoc(tenant, "d" + d, "title " + d));
            stored.add(new LibAcl(tenant, "d" + d, "bob", "READ"));
            stored.add(new LibAcl(tenant, "d" + d, "eve", "WRITE"));
        }
        for (Library item : stored) {
            db.table(Library.class).put(item);
        }
        // another tenant's items stay out of the collection
        db.table(Library.class).put(new LibDoc("other-" + tenant, "d1", "not mine"));
    }

    @Test
    void collection_readsOnePartitionAcrossTypes_inOneQuery() {
        recorder.clear();
        List<Library> all = db.collection(Library.class).where("tenant", "=", tenant).all();

        assertThat(all).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(all.get(0)).isInstanceOf(LibDoc.class);
        assertThat(all.get(1)).isInstanceOf(LibAcl.class);
        assertThat(recorder.queries())
                .singleElement()
                .satisfies(q -> assertThat(q.indexName()).isNull());
        assertThat(recorder.scans()).isEmpty();
        long docs = all.stream().filter(LibDoc.class::isInstance).count();
        assertThat(docs).isEqualTo(3);
    }

    @Test
    void collection_pagesWithCursors_andNarrowsBySortTemplatePrefix() {
        List<Library> seen = new ArrayList<>();
        Page<Library> page =
                db.collection(Library.class).where("tenant", "=", tenant).limit(4).page();
        seen.addAll(page.items());
        int pages = 1;
        while (page.hasNext()) {
            page =
                    db.collection(Library.class)
                            .where("tenant", "=", tenant)
                            .limit(4)
                            .after(page.cursor())
                            .page();
            seen.addAll(page.items());
            pages++;
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(stored).hasSize(9);
        assertThat(pages).isGreaterThanOrEqualTo(3);

        // one document's own item and its access entries: the family's sort templates differ, so
        // docId stays a filter on its attribute
        assertThat(
                        db.collection(Library.class)
                                .where("tenant", "=", tenant)
                                .where("docId", "=", "d2")
                                .all())
                .hasSize(3)
                .allSatisfy(i -> assertThat(i).hasFieldOrPropertyWithValue("docId", "d2"));
    }

    @Test
    void collection_withoutThePartition_orOfANonFamily_failsBeforeSending() {
        recorder.clear();
        assertThatThrownBy(() -> db.collection(Library.class).where("docId", "=", "d1").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "collection of Library does not name one partition: give where(field, \"=\", value) "
                                + "on 'tenant'");
        assertThatThrownBy(
                        () ->
                                db.collection(Library.class)
                                        .where("tenant", "=", tenant)
                                        .index("GSI1")
                                        .all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("names index 'GSI1', but a collection reads one partition");
        assertThatThrownBy(() -> db.collection(Invoice.class))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(
                        "db.collection(Invoice.class): a collection reads the items of every member of an "
                                + "entity family; dev.dynamorm.it.model.templates.Invoice is not an entity family");
        assertThatThrownBy(() -> db.collection(LibDoc.class))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is a member of a family, not its root");
        assertThat(recorder.requests()).isEmpty();
    }
}
