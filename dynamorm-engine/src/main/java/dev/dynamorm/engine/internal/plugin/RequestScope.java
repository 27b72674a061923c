package dev.dynamorm.engine.internal.plugin;

/**
 * The request whose response the current thread is converting, so that {@link
 * dev.dynamorm.ItemContext#attribute(String)} in an {@code afterRead} answers from that request's
 * event whatever thread converts it. Made current on the thread that sends a request (sync
 * conversion follows there) and, for the async view, around the completion of the request's
 * response on the thread that completes it (then restored). Only used when hooks are installed.
 */
final class RequestScope {

    private static final ThreadLocal<Event> CURRENT = new ThreadLocal<>();

    /** The event whose response this thread is completing (inside {@link #completing}), or null. */
    private static final ThreadLocal<Event> COMPLETING = new ThreadLocal<>();

    private RequestScope() {}

    /** The event of the request being converted on this thread, or null. */
    static Event current() {
        return CURRENT.get();
    }

    /**
     * The request whose completion is running on this thread, when {@code event} (about to be sent)
     * is its follow-up: the next page of a query or scan sent as the previous page arrives. Only
     * reads that continue one operation qualify (same operation and table).
     */
    static Event followed(Event event) {
        Event outer = COMPLETING.get();
        if (outer == null
                || outer == event
                || outer.operation() != event.operation()
                || !outer.tableName().equals(event.tableName())) {
            return null;
        }
        return switch (event.operation()) {
            case QUERY, SCAN, BATCH_GET -> outer;
            default -> null;
        };
    }

    /**
     * Runs {@code completion} with {@code event} current and completing on this thread (then
     * restores what was current).
     */
    static void completing(Event event, Runnable completion) {
        Event previous = enter(event);
        Event outer = COMPLETING.get();
        COMPLETING.set(event);
        try {
            completion.run();
        } finally {
            if (outer == null) {
                COMPLETING.remove();
            } else {
                COMPLETING.set(outer);
            }
            restore(previous);
        }
    }

    /**
     * Makes {@code event} current on this thread.
     *
     * @return the event it replaces, to give back to {@link #restore}
     */
    static Event enter(Event event) {
        Event previous = CURRENT.get();
        CURRENT.set(event);
        return previous;
    }

    /** Makes {@code previous} (from {@link #enter}) current again. */
    static void restore(Event previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
