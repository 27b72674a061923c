package dev.dynamorm.test;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Polls a server with ListTables until it answers. */
final class Readiness {

    private static final long POLL_MILLIS = 50;

    private Readiness() {}

    /** Why a server stopped being a candidate while we waited; null while it is still starting. */
    @FunctionalInterface
    interface Liveness {
        /** The reason the server can no longer answer (e.g. its process exited), or null. */
        String deadReason();
    }

    /**
     * Waits until {@code probe} gets an answer to ListTables.
     *
     * @param what the server, for messages
     * @param liveness tells when waiting is pointless (e.g. the process exited)
     * @param timeout how long to wait
     * @param diagnosis extra text for the timeout message (e.g. where the log is)
     * @return how long it took
     * @throws BackendUnavailableException with the reason, if it died or did not answer in time
     */
    static Duration await(
            String what,
            DynamoDbClient probe,
            Liveness liveness,
            Duration timeout,
            Supplier<String> diagnosis)
            throws BackendUnavailableException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        SdkException last = null;
        while (true) {
            String dead = liveness.deadReason();
            if (dead != null) {
                throw new BackendUnavailableException(dead);
            }
            try {
                probe.listTables(r -> r.limit(1));
                return Duration.ofNanos(System.nanoTime() - start);
            } catch (SdkException e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BackendUnavailableException(
                        what
                                + " did not answer ListTables within "
                                + timeout.toSeconds()
                                + " s (last error: "
                                + last.getMessage()
                                + ")"
                                + diagnosis.get()
                                + "; raise -D"
                                + Settings.START_TIMEOUT
                                + "=SECONDS if the machine is slow",
                        last);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendUnavailableException(
                        "interrupted while waiting for " + what + " to answer", e);
            }
        }
    }
}
