package dev.dynamorm.streams;

import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.TransactionCanceledException;
import dev.dynamorm.streams.internal.ViewMark;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A table of aggregates (a count and sums per group) maintained from the changes of a source model,
 * e.g. orders per customer and status.
 *
 * <pre>{@code
 * MaterializedView<Order, StatusTotals> totals =
 *         MaterializedView.builder(db, Order.class, StatusTotals.class)
 *                 .groupBy(o -> Key.of(o.customerId(), o.status()))
 *                 .count("orders")
 *                 .sum("totalCents", Order::totalCents)
 *                 .build();
 * StreamConsumer.builder(db, Order.class).streamsClient(streams).handler(totals::applyAll)...
 * }</pre>
 *
 * <p>Each change is applied with a transaction that updates the affected view items (its old
 * image's group loses the old values, its new image's group gains the new ones) and records the
 * change's sequence number for the source item in {@code dynamorm_view_marks}, on the condition
 * that a later change of that item was not recorded already. So a change delivered twice (a
 * replayed batch, at-least-once delivery, a consumer taking over a shard) is counted once. {@link
 * #applyAll} puts consecutive changes into one transaction (their deltas summed per view item),
 * with the same outcome as applying them one by one.
 *
 * <p>Consistency: a view is eventually consistent with its source. It lags the source by the
 * consumer's delay; every source item's contribution is that of some recent version of the item
 * (changes of one item are applied in order); reads of several view items are not a snapshot. A
 * group whose count drops to zero keeps its item with zeros until {@link #rebuild()}. The stream
 * must record {@code NEW_AND_OLD_IMAGES}.
 *
 * <p>Thread-safe.
 *
 * @param <S> the source model
 * @param <V> the view model
 */
public final class MaterializedView<S, V> {
    private static final int SEQUENCE_DIGITS = 48;

    /** DynamoDB's limit on the actions of one transaction. */
    private static final int MAX_ACTIONS = 100;

    private final DynamORM db;
    private final Class<V> viewType;
    private final String name;
    private final Function<S, Key> groupBy;
    private final Predicate<S> filter;
    private final String countField;
    private final List<String> sumFields;
    private final List<ToLongFunction<S>> sumValues;
    private final Table<S> source;
    private final Table<V> view;
    private final Table<ViewMark> marks;

    private MaterializedView(Builder<S, V> b) {
        this.db = b.db;
        this.viewType = b.viewType;
        this.groupBy = b.groupBy;
        this.filter = b.filter;
        this.countField = b.countField;
        this.sumFields = List.copyOf(b.sums.keySet());
        this.sumValues = List.copyOf(b.sums.values());
        this.source = db.table(b.sourceType);
        this.view = db.table(b.viewType);
        this.marks = db.table(ViewMark.class);
        this.name = b.name != null ? b.name : view.modelInfo().tableName();
        if (b.createTables) {
            view.createTableIfMissing();
            marks.createTableIfMissing();
        }
    }

    /**
     * A builder of a view of {@code sourceType}'s changes stored as {@code viewType} items.
     *
     * @param db the DynamORM instance of both tables
     * @param sourceType the source model
     * @param viewType the view model: its key is the group, and it has a number field per aggregate
     * @param <S> the source model
     * @param <V> the view model
     * @return the builder
     */
    public static <S, V> Builder<S, V> builder(
            DynamORM db, Class<S> sourceType, Class<V> viewType) {
        return new Builder<>(
                Objects.requireNonNull(db, "db"),
                Objects.requireNonNull(sourceType, "sourceType"),
                Objects.requireNonNull(viewType, "viewType"));
    }

    /**
     * Applies one change, unless it (or a later change of the same source item) was applied.
     *
     * @param change a change of the source model with both images where they exist
     * @return true if applied, false if it had been applied already
     * @throws IllegalArgumentException if the change lacks an image its kind has (the stream does
     *     not record NEW_AND_OLD_IMAGES)
     * @throws TransactionCanceledException if the transaction failed for another reason
     */
    public boolean apply(ChangeEvent<S> change) {
        return applyAll(List.of(Objects.requireNonNull(change, "change"))) == 1;
    }

    /**
     * Applies changes in order, as {@link #apply} one by one would; usable as a {@link
     * ChangeHandler}: {@code handler(view::applyAll)}. Consecutive changes are applied together, up
     * to DynamoDB's 100 actions per transaction (one per source item and one per view item they
     * touch); when a change among them had been applied already, that group is applied change by
     * change.
     *
     * @param changes the changes
     * @return how many were applied (the others had been)
     * @throws IllegalArgumentException if a change lacks an image its kind has (nothing is sent)
     * @throws TransactionCanceledException if a transaction failed for another reason
     */
    public int applyAll(List<ChangeEvent<S>> changes) {
        List<Pending> pending = new ArrayList<>(changes.size());
        for (ChangeEvent<S> c : changes) {
            pending.add(prepare(Objects.requireNonNull(c, "change")));
        }
        int applied = 0;
        int from = 0;
        while (from < pending.size()) {
            int to = groupEnd(pending, from);
            List<Pending> group = pending.subList(from, to);
            if (send(group)) {
                applied += group.size();
            } else if (group.size() > 1) {
                for (Pending one : group) {
                    if (send(List.of(one))) {
                        applied++;
                    }
                }
            }
            from = to;
        }
        return applied;
    }

    /** A change checked and reduced to its source item and its deltas per view item. */
    private record Pending(String sourceKey, String mark, Map<Key, long[]> deltas) {}

    private Pending prepare(ChangeEvent<S> change) {
        boolean needsOld = change.kind() != ChangeKind.INSERT;
        boolean needsNew = change.kind() != ChangeKind.REMOVE;
        if ((needsOld && change.oldImage().isEmpty())
                || (needsNew && change.newImage().isEmpty())) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "view '%s' needs the old and new images of every change, but %s lacks"
                                    + " one: enable the stream with NEW_AND_OLD_IMAGES",
                            name,
                            change));
        }
        Map<Key, long[]> deltas = new LinkedHashMap<>();
        change.oldImage().ifPresent(o -> contribute(deltas, o, -1));
        change.newImage().ifPresent(n -> contribute(deltas, n, 1));
        return new Pending(sourceKey(change.key()), padded(change.sequence()), deltas);
    }

    /**
     * Where the group of changes starting at {@code from} ends: before the change that would take
     * it past {@link #MAX_ACTIONS}, or before a change of a source item that is not newer than that
     * item's last change in the group (one by one, it would be skipped).
     */
    private static int groupEnd(List<Pending> pending, int from) {
        Map<String, String> newest = new LinkedHashMap<>();
        Set<Key> viewKeys = new HashSet<>();
        int i = from;
        while (i < pending.size()) {
            Pending p = pending.get(i);
            String last = newest.get(p.sourceKey());
            if (last != null && p.mark().compareTo(last) <= 0) {
                break;
            }
            int added = last == null ? 1 : 0;
            for (Key k : p.deltas().keySet()) {
                if (!viewKeys.contains(k)) {
                    added++;
                }
            }
            if (i > from && newest.size() + viewKeys.size() + added > MAX_ACTIONS) {
                break;
            }
            newest.put(p.sourceKey(), p.mark());
            viewKeys.addAll(p.deltas().keySet());
            i++;
        }
        return i;
    }

    /**
     * Applies a group of changes in one transaction: each source item's mark moves to its newest
     * change on the condition that it is older than its oldest one, and each view item gains the
     * sum of the deltas. False when a mark's condition failed (nothing was applied).
     */
    private boolean send(List<Pending> group) {
        Map<String, String[]> marks = new LinkedHashMap<>();
        Map<Key, long[]> deltas = new LinkedHashMap<>();
        for (Pending p : group) {
            marks.computeIfAbsent(p.sourceKey(), k -> new String[] {p.mark(), null})[1] = p.mark();
            p.deltas()
                    .forEach(
                            (k, d) -> {
                                long[] sum = deltas.computeIfAbsent(k, x -> new long[d.length]);
                                for (int j = 0; j < d.length; j++) {
                                    sum[j] += d[j];
                                }
                            });
        }
        deltas.values().removeIf(MaterializedView::isZero);
        try {
            db.transaction(
                    tx -> {
                        marks.forEach(
                                (source, range) ->
                                        tx.update(
                                                ViewMark.class,
                                                Key.of(name, source),
                                                u ->
                                                        u.upsert()
                                                                .set("sequence", range[1])
                                                                .when(
                                                                        Condition.notExists(
                                                                                "sequence"))
                                                                .or("sequence", "<", range[0])));
                        deltas.forEach(
                                (key, d) ->
                                        tx.update(
                                                viewType,
                                                key,
                                                u -> {
                                                    u.upsert();
                                                    if (countField != null) {
                                                        u.add(countField, d[0]);
                                                    }
                                                    for (int i = 0; i < sumFields.size(); i++) {
                                                        u.add(sumFields.get(i), d[i + 1]);
                                                    }
                                                }));
                    });
            return true;
        } catch (TransactionCanceledException e) {
            for (TransactionCanceledException.Reason r : e.reasons()) {
                if (r.index() < marks.size()
                        && r.code() == TransactionCanceledException.Code.CONDITION_FAILED) {
                    return false;
                }
            }
            throw e;
        }
    }

    /**
     * Recomputes the view from a scan of the source table: writes every group's aggregates and
     * deletes the view items of groups that no longer exist. Run it while no consumer applies
     * changes to this view, after the consumer caught up; the marks of applied changes are kept, so
     * replays of them are still skipped.
     *
     * @return the number of view items written
     */
    public int rebuild() {
        Map<Key, long[]> totals = new LinkedHashMap<>();
        for (S item : source.scan()) {
            contribute(totals, item, 1);
        }
        List<Key> stale = new ArrayList<>();
        for (V existing : view.scan()) {
            Key k = view.keyOf(existing);
            if (!totals.containsKey(k)) {
                stale.add(k);
            }
        }
        if (!stale.isEmpty()) {
            view.batchDelete(stale);
        }
        for (Map.Entry<Key, long[]> e : totals.entrySet()) {
            long[] d = e.getValue();
            db.transaction(
                    tx ->
                            tx.update(
                                    viewType,
                                    e.getKey(),
                                    u -> {
                                        u.upsert();
                                        if (countField != null) {
                                            u.set(countField, d[0]);
                                        }
                                        for (int i = 0; i < sumFields.size(); i++) {
                                            u.set(sumFields.get(i), d[i + 1]);
                                        }
                                    }));
        }
        return totals.size();
    }

    private void contribute(Map<Key, long[]> deltas, S item, int sign) {
        if (!filter.test(item)) {
            return;
        }
        Key key = Objects.requireNonNull(groupBy.apply(item), "groupBy returned null");
        long[] d = deltas.computeIfAbsent(key, k -> new long[sumValues.size() + 1]);
        d[0] += sign;
        for (int i = 0; i < sumValues.size(); i++) {
            d[i + 1] += sign * sumValues.get(i).applyAsLong(item);
        }
    }

    private static boolean isZero(long[] d) {
        for (long v : d) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static String sourceKey(Key key) {
        return key.sortKeyValue()
                .map(sk -> key.partitionKey() + "\u0000" + sk)
                .orElse(String.valueOf(key.partitionKey()));
    }

    static String padded(BigInteger sequence) {
        String s = sequence.toString();
        if (s.length() > SEQUENCE_DIGITS || sequence.signum() < 0) {
            throw new IllegalArgumentException("sequence number out of range: " + s);
        }
        return "0".repeat(SEQUENCE_DIGITS - s.length()) + s;
    }

    /**
     * Builds a {@link MaterializedView}. Not thread-safe.
     *
     * @param <S> the source model
     * @param <V> the view model
     */
    public static final class Builder<S, V> {
        private final DynamORM db;
        private final Class<S> sourceType;
        private final Class<V> viewType;
        private Function<S, Key> groupBy;
        private Predicate<S> filter = s -> true;
        private String countField;
        private final Map<String, ToLongFunction<S>> sums = new LinkedHashMap<>();
        private String name;
        private boolean createTables = true;

        private Builder(DynamORM db, Class<S> sourceType, Class<V> viewType) {
            this.db = db;
            this.sourceType = sourceType;
            this.viewType = viewType;
        }

        /**
         * The group of a source item: the key of its view item (required).
         *
         * @param keyOf maps a source item to the view item's key
         * @return this builder
         */
        public Builder<S, V> groupBy(Function<S, Key> keyOf) {
            this.groupBy = Objects.requireNonNull(keyOf, "keyOf");
            return this;
        }

        /**
         * Counts only the source items that match; all unless set.
         *
         * @param predicate which items count
         * @return this builder
         */
        public Builder<S, V> filter(Predicate<S> predicate) {
            this.filter = Objects.requireNonNull(predicate, "predicate");
            return this;
        }

        /**
         * Keeps the number of source items of each group in a field of the view model.
         *
         * @param field the view model's number field
         * @return this builder
         */
        public Builder<S, V> count(String field) {
            this.countField = Objects.requireNonNull(field, "field");
            return this;
        }

        /**
         * Keeps the sum of a value over the source items of each group in a field of the view
         * model.
         *
         * @param field the view model's number field
         * @param value the value of a source item
         * @return this builder
         * @throws IllegalArgumentException if the field already has an aggregate
         */
        public Builder<S, V> sum(String field, ToLongFunction<S> value) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (sums.containsKey(field) || field.equals(countField)) {
                throw new IllegalArgumentException(
                        "field '" + field + "' already has an aggregate");
            }
            sums.put(field, value);
            return this;
        }

        /**
         * Names the view in its marks; the view table's name unless set.
         *
         * @param viewName the name
         * @return this builder
         */
        public Builder<S, V> name(String viewName) {
            this.name = Objects.requireNonNull(viewName, "viewName");
            return this;
        }

        /**
         * Whether to create the view table and the marks table when missing; true unless set.
         *
         * @param create whether to create them
         * @return this builder
         */
        public Builder<S, V> createTables(boolean create) {
            this.createTables = create;
            return this;
        }

        /**
         * Builds the view, creating its tables if asked.
         *
         * @return the view
         * @throws IllegalStateException if no group or no aggregate was set
         */
        public MaterializedView<S, V> build() {
            if (groupBy == null) {
                throw new IllegalStateException("a view needs groupBy(...)");
            }
            if (countField == null && sums.isEmpty()) {
                throw new IllegalStateException("a view needs count(...) or sum(...)");
            }
            return new MaterializedView<>(this);
        }
    }
}
