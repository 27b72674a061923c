package dev.dynamorm;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results with the cursor of the next page.
 *
 * <p>Pass {@link #cursor()} to {@link Query#after(String)} of the same query to read the next page.
 * The cursor is an opaque, URL-safe string; it is null when there are no more items.
 *
 * @param <T> the model type
 */
public final class Page<T> {

    private final List<T> items;
    private final @Nullable String cursor;
    private final long scannedCount;

    /**
     * Creates a page.
     *
     * @param items the items
     * @param cursor the cursor of the next page, or null at the end
     * @param scannedCount how many items DynamoDB evaluated to produce this page
     * @throws NullPointerException if items is null
     * @throws IllegalArgumentException if scannedCount is negative
     */
    public Page(List<T> items, @Nullable String cursor, long scannedCount) {
        this.items = List.copyOf(Objects.requireNonNull(items, "items"));
        this.cursor = cursor;
        if (scannedCount < 0) {
            throw new IllegalArgumentException(
                    "scannedCount must not be negative, got " + scannedCount);
        }
        this.scannedCount = scannedCount;
    }

    /**
     * The items of this page, in query order.
     *
     * @return the items, unmodifiable
     */
    public List<T> items() {
        return items;
    }

    /**
     * The cursor of the next page.
     *
     * @return the cursor, or null when this is the last page
     */
    public @Nullable String cursor() {
        return cursor;
    }

    /**
     * Whether another page may follow (it may turn out empty). On the last page, {@link #cursor()}
     * is null and must not be passed to {@link Query#after(String)}; loop on this instead:
     *
     * <pre>{@code
     * Page<Order> page = query.page();
     * while (page.hasNext()) {
     *     page = query.after(page.cursor()).page();
     * }
     * }</pre>
     *
     * @return true when {@link #cursor()} is not null
     */
    public boolean hasNext() {
        return cursor != null;
    }

    /**
     * How many items DynamoDB evaluated (read) for this page, before filters.
     *
     * @return the scanned count
     */
    public long scannedCount() {
        return scannedCount;
    }

    /**
     * How many items this page returns.
     *
     * @return the size of {@link #items()}
     */
    public int returnedCount() {
        return items.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Page<?> p
                && items.equals(p.items)
                && Objects.equals(cursor, p.cursor)
                && scannedCount == p.scannedCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, cursor, scannedCount);
    }

    @Override
    public String toString() {
        return "Page["
                + items.size()
                + " items, scanned "
                + scannedCount
                + (cursor == null ? ", last" : ", more")
                + "]";
    }
}
