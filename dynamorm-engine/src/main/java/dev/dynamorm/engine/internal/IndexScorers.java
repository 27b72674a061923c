package dev.dynamorm.engine.internal;

import dev.dynamorm.IndexScorer;
import dev.dynamorm.engine.internal.plugin.LazyService;
import dev.dynamorm.engine.internal.plugin.Services;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance-wide index scorer: the builder's, else the one discovered with {@link
 * java.util.ServiceLoader}, looked up at the first query rather than while DynamORM is built (a
 * service scan costs about a millisecond in a cold JVM and a get or put never needs it). The lookup
 * uses the context class loader the engine was built under, as an eager lookup would. Thread-safe.
 */
final class IndexScorers extends LazyService<IndexScorer> {

    private static final Logger LOG = LoggerFactory.getLogger(IndexScorers.class);

    /** What the start-up log says of a scorer not yet discovered (naming it loads no class). */
    static final String UNRESOLVED = "default unless one is discovered at the first query";

    /** The built-in scoring, for tables made without an engine. */
    static final IndexScorers DEFAULT = new IndexScorers((IndexScorer) null);

    /** A scorer known now (null for the built-in scoring). */
    private IndexScorers(IndexScorer configured) {
        super(configured);
    }

    /** A scorer discovered at the first query through {@code contextLoader}. */
    private IndexScorers(ClassLoader contextLoader) {
        super(contextLoader);
    }

    /** The builder's scorer. */
    static IndexScorers of(IndexScorer configured) {
        return configured == null ? DEFAULT : new IndexScorers(configured);
    }

    /**
     * The builder's scorer if set, else the discovered one, found at the first query through {@code
     * contextLoader}.
     *
     * @param configured the builder's scorer, or null
     * @param contextLoader the context class loader the engine was built under
     */
    static IndexScorers configuredOrDiscovered(IndexScorer configured, ClassLoader contextLoader) {
        return configured != null ? new IndexScorers(configured) : new IndexScorers(contextLoader);
    }

    /**
     * The discovered index scorer: the first by class name when several are found, or null for the
     * default. {@link #get()} is the scorer, or null for the built-in scoring.
     */
    @Override
    protected IndexScorer find(ClassLoader contextLoader) {
        List<IndexScorer> found = new ArrayList<>(Services.load(IndexScorer.class, contextLoader));
        if (found.isEmpty()) {
            return null;
        }
        found.sort(Comparator.comparing(s -> s.getClass().getName()));
        if (found.size() > 1) {
            List<String> names = new ArrayList<>();
            for (IndexScorer s : found) {
                names.add(s.getClass().getName());
            }
            LOG.warn(
                    "found {} index scorers {}; using {}: set one with DynamORM.builder().indexScorer(..) to choose",
                    found.size(),
                    names,
                    found.get(0).getClass().getName());
        }
        LOG.info("index scorer {} discovered", found.get(0).getClass().getName());
        return found.get(0);
    }
}
