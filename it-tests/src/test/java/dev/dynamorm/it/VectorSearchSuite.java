package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.Table;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.VectorMatch;
import dev.dynamorm.it.model.Doc;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Vector search through the ORM: indexes created with the table, nearest neighbours with filters
 * mapped to models with their scores, and bad input refused before anything is sent. Backends
 * without vector indexes (no {@code SearchVectors}, or CreateTable ignoring {@code VectorIndexes})
 * skip with the reason they gave.
 */
@DynamoBackend
abstract class VectorSearchSuite {
    private static final List<String> CATEGORIES = List.of("news", "sport", "tech");

    private Table<Doc> docs;
    private final List<Doc> stored = new ArrayList<>();
    private DynamoDbClient raw;
    private BackendContext backend;

    @BeforeEach
    void setUp(DynamORM db, DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.backend = backend;
        docs = db.table(Doc.class);
        try {
            docs.createTableIfMissing();
        } catch (DynamORMException e) {
            assumeThat(false)
                    .as(backend.backend() + " cannot create vector indexes: " + e.getMessage())
                    .isTrue();
        }
        TableDescription d = docs.describeTable();
        assumeThat(d.hasVectorIndexes() && !d.vectorIndexes().isEmpty())
                .as(backend.backend() + " ignores VectorIndexes in CreateTable (no vector search)")
                .isTrue();
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            float[] e = new float[8];
            for (int j = 0; j < e.length; j++) {
                e[j] = (float) random.nextGaussian();
            }
            List<Float> f = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
                f.add((float) random.nextGaussian());
            }
            Doc doc =
                    new Doc(
                            String.format("d%03d", i),
                            CATEGORIES.get(i % 3),
                            i % 2 == 0 ? "acme" : "globex",
                            "title " + i,
                            e,
                            f);
            docs.put(doc);
            stored.add(doc);
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return 1.0 - dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    @Test
    void createTable_createsTheVectorIndexes_andDriftMatches() {
        TableDescription d = docs.describeTable();
        assertThat(d.vectorIndexes())
                .extracting(
                        v ->
                                v.indexName()
                                        + ":"
                                        + v.vectorAttribute().attributeName()
                                        + ":"
                                        + v.dimensions()
                                        + ":"
                                        + v.distanceFunctionAsString())
                .containsExactlyInAnyOrder(
                        "by-embedding:embedding:8:COSINE", "by-features:features:4:EUCLIDEAN");
        assertThat(docs.drift().matches()).as(docs.drift().differences().toString()).isTrue();
    }

    @Test
    void nearest_withFilter_returnsTheClosestItemsWithTheirScores() {
        float[] q = stored.get(5).embedding().clone();
        q[0] += 0.25f;
        List<VectorMatch<Doc>> top =
                docs.nearest("embedding", q).where("category", "=", "tech").limit(5).all();
        List<Doc> expected =
                stored.stream()
                        .filter(d -> d.category().equals("tech"))
                        .sorted(Comparator.comparingDouble(d -> cosine(q, d.embedding())))
                        .limit(5)
                        .toList();
        assertThat(top)
                .extracting(m -> m.item().id())
                .containsExactlyElementsOf(expected.stream().map(Doc::id).toList());
        for (int i = 0; i < 5; i++) {
            assertThat(top.get(i).score())
                    .isCloseTo(cosine(q, expected.get(i).embedding()), Offset.offset(1e-6));
            assertThat(top.get(i).item().title()).isEqualTo(expected.get(i).title());
        }
        assertThat(top.get(0).item().id()).isEqualTo("d005");
    }

    @Test
    void nearest_onAListField_partitionedIndex_returnsKeysOnlyItemsOfThatPartition() {
        List<Float> q = stored.get(8).features();
        List<VectorMatch<Doc>> top =
                docs.nearest("features", q).where("tenant", "=", "acme").limit(3).all();
        assertThat(top).hasSize(3);
        assertThat(top.get(0).item().id()).isEqualTo("d008");
        assertThat(top.get(0).score()).isEqualTo(0.0);
        for (VectorMatch<Doc> m : top) {
            assertThat(m.item().tenant()).isEqualTo("acme");
            assertThat(m.item().title()).as("KEYS_ONLY projection").isNull();
            assertThat(m.item().features()).isNull();
        }
        assertThat(docs.nearest("features", q).where("tenant", "=", "acme").items())
                .hasSize(10)
                .allMatch(d -> d.tenant().equals("acme"));
    }

    @Test
    void nearest_badInput_isRefusedBeforeSending() {
        float[] eight = new float[8];
        eight[0] = 1;
        assertThatThrownBy(() -> docs.nearest("embedding", new float[3]))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "the search vector has 3 dimensions but vector index 'by-embedding' of model dev.dynamorm.it.model.Doc has 8");
        assertThatThrownBy(() -> docs.nearest("title", eight))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "field 'title' of model dev.dynamorm.it.model.Doc has no vector index: declare one with @VectorIndex(name = ..., dimensions = ...) or search [embedding, features]");
        assertThatThrownBy(() -> docs.nearest("nope", eight))
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(
                        "unknown field 'nope' in model dev.dynamorm.it.model.Doc: vector fields are [embedding, features]");
        assertThatThrownBy(() -> docs.nearest("embedding", eight).limit(0))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "limit 0 is out of range: a vector search returns 1 to 100 items (DynamoDB's TopK)");
        assertThatThrownBy(() -> docs.nearest("embedding", eight).limit(101))
                .hasMessageStartingWith("limit 101 is out of range");
        assertThatThrownBy(() -> docs.nearest("embedding", eight).where("title", "=", "x"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "field 'title' is not in the search schema of vector index 'by-embedding' (model dev.dynamorm.it.model.Doc): it filters on [category]; add the field to @VectorIndex(filters = ...)");
        assertThatThrownBy(
                        () ->
                                docs.nearest("features", List.of(1f, 2f, 3f, 4f))
                                        .where("tenant", ">", "a"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "field 'tenant' partitions vector index 'by-features': it takes '=' only, not '>'");
        assertThatThrownBy(() -> docs.nearest("features", List.of(1f, 2f, 3f, 4f)).all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "vector index 'by-features' is partitioned by 'tenant': add where(\"tenant\", \"=\", value)");
        assertThatThrownBy(() -> docs.nearest("embedding", eight).where("category", "<", "x"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "operator '<' is not supported by vector search filters: DynamoDB compares search schema fields with '=' only");
        float[] nan = eight.clone();
        nan[2] = Float.NaN;
        assertThatThrownBy(() -> docs.nearest("embedding", nan))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "element 2 of the search vector is NaN: every element must be a finite number");
        assertThatThrownBy(() -> docs.nearest("embedding", eight).where("category", "=", 5))
                .isInstanceOf(InvalidRequestException.class);
    }

    /** Records what an after-hook sees of each SearchVectors: the request sent and the capacity. */
    static final class CapacityRecorder implements Plugin {
        final List<DynamoDbRequest> sent = new CopyOnWriteArrayList<>();
        final List<ConsumedCapacity> capacity = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "capacity-recorder";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(
                    new Hook() {
                        @Override
                        public boolean wantsConsumedCapacity() {
                            return true;
                        }

                        @Override
                        public void after(HookContext context, Outcome outcome) {
                            if (context.operation() == Operation.SEARCH_VECTORS) {
                                context.request().ifPresent(sent::add);
                                capacity.addAll(outcome.consumedCapacity());
                            }
                        }
                    });
        }
    }

    @Test
    void nearest_asksForTheConsumedCapacity_whenAHookWantsIt_andTheHookSeesIt() {
        CapacityRecorder recorder = new CapacityRecorder();
        try (DynamORM withHook =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(recorder)
                        .build()) {
            assertThat(
                            withHook.table(Doc.class)
                                    .nearest("embedding", stored.get(3).embedding())
                                    .limit(3)
                                    .all())
                    .hasSize(3);
        }

        assertThat(recorder.sent)
                .singleElement()
                .isInstanceOfSatisfying(
                        SearchVectorsRequest.class,
                        r ->
                                assertThat(r.returnConsumedCapacity())
                                        .isEqualTo(ReturnConsumedCapacity.TOTAL));
        assumeThat(recorder.capacity)
                .as(backend.backend() + " answers SearchVectors without ConsumedCapacity")
                .isNotEmpty();
        ConsumedCapacity c = recorder.capacity.get(0);
        assertThat(c.tableName()).isEqualTo(docs.tableName());
        assertThat(c.vectorIndexes().get("by-embedding").vectorSearchRequestBytes()).isPositive();
    }
}
