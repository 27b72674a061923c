package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.Table;
import dev.dynamorm.VectorMatch;
import dev.dynamorm.annotations.VectorDistance;
import dev.dynamorm.it.model.CosinePoint;
import dev.dynamorm.it.model.DotPoint;
import dev.dynamorm.it.model.EuclideanPoint;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Issue 20's vector search target through the ORM: 10 000 vectors of 256 dimensions written with
 * batch writes, top-10 nearest neighbours with a filter through {@code table.nearest(..).where(..)
 * .limit(10)}, the ids and scores equal to a brute-force reference computed here, for each distance
 * function. Backends without vector indexes skip with the reason.
 */
@DynamoBackend
abstract class VectorTargetSuite {
    private static final int COUNT = 10_000;
    private static final int DIMENSIONS = 256;
    private static final List<String> CATEGORIES = List.of("news", "sport", "tech", "travel");

    /** The same vectors for every distance function: point {@code i} has {@code VECTORS[i]}. */
    private static final float[][] VECTORS = vectors();

    private DynamORM db;
    private BackendContext backend;

    @BeforeEach
    void setUp(DynamORM db, BackendContext backend) {
        this.db = db;
        this.backend = backend;
    }

    private static float[][] vectors() {
        Random random = new Random(20);
        float[][] all = new float[COUNT][];
        for (int i = 0; i < COUNT; i++) {
            all[i] = gaussian(random);
        }
        return all;
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return v;
    }

    private static String id(int i) {
        return String.format("p%05d", i);
    }

    private static String category(int i) {
        return CATEGORIES.get(i % CATEGORIES.size());
    }

    /** Builds the point of one model from its id, category and vector. */
    @FunctionalInterface
    private interface PointFactory<T> {
        T point(String id, String category, float[] vector);
    }

    @Test
    void cosine_topTenWithFilter_equalsBruteForce() {
        searchAndCompare(
                CosinePoint.class, CosinePoint::new, CosinePoint::id, VectorDistance.COSINE);
    }

    @Test
    void euclidean_topTenWithFilter_equalsBruteForce() {
        searchAndCompare(
                EuclideanPoint.class,
                EuclideanPoint::new,
                EuclideanPoint::id,
                VectorDistance.EUCLIDEAN);
    }

    @Test
    void dotProduct_topTenWithFilter_equalsBruteForce() {
        searchAndCompare(DotPoint.class, DotPoint::new, DotPoint::id, VectorDistance.DOT_PRODUCT);
    }

    private <T> void searchAndCompare(
            Class<T> type,
            PointFactory<T> factory,
            Function<T, String> id,
            VectorDistance distance) {
        Table<T> points = db.table(type);
        try {
            points.createTableIfMissing();
        } catch (DynamORMException e) {
            assumeThat(false)
                    .as(backend.backend() + " cannot create vector indexes: " + e.getMessage())
                    .isTrue();
        }
        try {
            TableDescription d = points.describeTable();
            assumeThat(d.hasVectorIndexes() && !d.vectorIndexes().isEmpty())
                    .as(
                            backend.backend()
                                    + " ignores VectorIndexes in CreateTable (no vector search)")
                    .isTrue();
            List<T> all = new ArrayList<>(COUNT);
            for (int i = 0; i < COUNT; i++) {
                all.add(factory.point(id(i), category(i), VECTORS[i]));
            }
            var written = points.batchPut(all);
            assertThat(written.complete()).isTrue();
            assertThat(written.written()).isEqualTo(COUNT);

            Random random = new Random(distance.ordinal());
            List<float[]> queries = new ArrayList<>();
            queries.add(gaussian(random));
            queries.add(gaussian(random));
            float[] nearAStoredOne = VECTORS[4242].clone();
            nearAStoredOne[0] += 0.5f;
            queries.add(nearAStoredOne);
            for (int q = 0; q < queries.size(); q++) {
                float[] query = queries.get(q);
                String category = category(q + 2); // tech, travel, news: 4242 is a tech point
                List<VectorMatch<T>> top =
                        points.nearest("vector", query)
                                .where("category", "=", category)
                                .limit(10)
                                .all();
                List<Scored> expected = bruteForce(distance, query, category);

                assertThat(top)
                        .as(distance + " query " + q)
                        .extracting(m -> id.apply(m.item()))
                        .containsExactlyElementsOf(expected.stream().map(Scored::id).toList());
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(top.get(i).score())
                            .as(distance + " query " + q + " score " + i)
                            .isCloseTo(expected.get(i).score(), Offset.offset(1e-9));
                }
            }
            assertThat(
                            points.nearest("vector", nearAStoredOne)
                                    .where("category", "=", "tech")
                                    .limit(1)
                                    .all())
                    .extracting(m -> id.apply(m.item()))
                    .containsExactly(id(4242));
        } finally {
            points.deleteTable();
        }
    }

    private record Scored(String id, double score) {}

    private static List<Scored> bruteForce(VectorDistance distance, float[] q, String category) {
        Comparator<Scored> order = Comparator.comparingDouble(Scored::score);
        if (distance == VectorDistance.DOT_PRODUCT) {
            order = order.reversed();
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            if (category(i).equals(category)) {
                scored.add(new Scored(id(i), score(distance, q, VECTORS[i])));
            }
        }
        scored.sort(order.thenComparing(Scored::id));
        return scored.subList(0, 10);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double score(VectorDistance distance, float[] q, float[] v) {
        return switch (distance) {
            case COSINE -> 1.0 - dot(q, v) / (Math.sqrt(dot(q, q)) * Math.sqrt(dot(v, v)));
            case EUCLIDEAN -> {
                double s = 0;
                for (int i = 0; i < q.length; i++) {
                    double d = (double) q[i] - v[i];
                    s += d * d;
                }
                yield Math.sqrt(s);
            }
            case DOT_PRODUCT -> dot(q, v);
        };
    }
}
