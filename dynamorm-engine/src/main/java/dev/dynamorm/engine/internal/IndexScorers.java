package dev.dynamorm.engine.internal;

import dev.dynamorm.IndexScorer;
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
final class IndexScorers {

    private static final Logger LOG = LoggerFactory.getLogger(IndexScorers.class);

    /** The built-in scoring, for tables made without an engine. */
    static final IndexScorers DEFAULT = new IndexScorers(null, null, false);

    private final ClassLoader contextLoader;
    private final boolean discover;
    private volatile boolean resolved;
    private volatile IndexScorer scorer;

    private IndexScorers(IndexScorer configured, ClassLoader contextLoader, boolean discover) {
        this.scorer = configured;
        this.contextLoader = contextLoader;
        this.discover = discover;
        this.resolved = configured != null || !discover;
    }

    /** The builder's scorer. */
    static IndexScorers of(IndexScorer configured) {
        return configured == null ? DEFAULT : new IndexScorers(configured, null, false);
    }

    /**
     * The builder's scorer if set, else the discovered one, found at the first query through the
     * current thread's context class loader.
     */
    static IndexScorers configuredOrDiscovered(IndexScorer configured) {
        return configured != null
                ? new IndexScorers(configured, null, false)
                : new IndexScorers(null, Thread.currentThread().getContextClassLoader(), true);
    }

    /** What the start-up log says: a configured scorer's class, or how it will be found. */
    String describe() {
        IndexScorer s = scorer;
        if (s != null) {
            return s.getClass().getName();
        }
        return discover && !resolved
                ? "default unless one is discovered at the first query"
                : "default";
    }

    /** The scorer, or null for the built-in scoring. */
    IndexScorer get() {
        if (resolved) {
            return scorer;
        }
        synchronized (this) {
            if (!resolved) {
                scorer = discovered(contextLoader);
                resolved = true;
            }
            return scorer;
        }
    }

    /**
     * The discovered index scorer: the first by class name when several are found, or null for the
     * default.
     */
    private static IndexScorer discovered(ClassLoader loader) {
        List<IndexScorer> found = new ArrayList<>(Services.load(IndexScorer.class, loader));
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
