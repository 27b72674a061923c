package dev.dynamorm.examples.vector;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.VectorMatch;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.List;

/** The README's vector search on the embedded engine: the two nearest news documents. */
public final class VectorTour {

    private VectorTour() {}

    /**
     * Runs the tour.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            docs.createTable(); // the vector index too (on-demand billing)
            docs.put(new Doc("a", "news", "Rain tomorrow", new float[] {1f, 0f, 0f}));
            docs.put(new Doc("b", "news", "Sunny weekend", new float[] {0.9f, 0.1f, 0f}));
            docs.put(new Doc("c", "tech", "New laptop", new float[] {1f, 0f, 0.1f}));

            List<VectorMatch<Doc>> top =
                    docs.nearest("embedding", new float[] {1f, 0f, 0f})
                            .where("category", "=", "news") // equality only, joined by AND
                            .limit(2) // TopK, 1 to 100 (10 by default)
                            .all();
            top.forEach(m -> System.out.println(m.item().title() + " " + m.score()));
            // Rain tomorrow 0.0
            // Sunny weekend 0.006116...
        }
    }
}
