package dev.dynamorm.spi;

import java.time.Duration;

/**
 * Observes, and may veto, operations. Before-hooks run in plugin order, after-hooks in reverse.
 *
 * <p>A before-hook that throws aborts the operation before anything is sent. An after-hook that
 * throws is logged and never changes the operation's outcome.
 */
public interface Hook {

    /**
     * Called before a request is sent.
     *
     * @param event the operation about to run
     */
    default void before(OperationEvent event) {
    }

    /**
     * Called after an operation completes or fails.
     *
     * @param event the operation
     * @param failure the failure, or {@code null} on success
     * @param elapsed the time the operation took
     */
    default void after(OperationEvent event, Throwable failure, Duration elapsed) {
    }
}
