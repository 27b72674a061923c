package dev.dynamorm.engine.internal.plugin;

/**
 * The request whose response the current thread is converting, so that {@link
 * dev.dynamorm.ItemContext#attribute(String)} in an {@code afterRead} answers from that request's
 * event whatever thread converts it. Made current on the thread that sends a request (sync
 * conversion follows there) and, for the async view, around the completion of the request's
 * response on the thread that completes it (then restored). Only used when hooks are installed.
 * What a request hands to the requests sent on its behalf is explicit ({@link Event#follow}), never
 * taken from this thread-local.
 */
final class RequestScope {

    private static final ThreadLocal<Event> CURRENT = new ThreadLocal<>();

    private RequestScope() {}

    /** The event of the request being converted on this thread, or null. */
    static Event current() {
        return CURRENT.get();
    }

    /** Runs {@code completion} with {@code event} current on this thread (then restores). */
    static void completing(Event event, Runnable completion) {
        Event previous = enter(event);
        try {
            completion.run();
        } finally {
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
