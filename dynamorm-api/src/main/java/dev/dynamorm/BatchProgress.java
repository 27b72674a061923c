package dev.dynamorm;

/**
 * Told how far a long batch has come; called after every BatchGetItem or BatchWriteItem call that
 * finished its items, one call at a time (possibly from a worker thread). Must not block.
 */
@FunctionalInterface
public interface BatchProgress {

    /**
     * Reports progress.
     *
     * @param done items (or keys) finished so far, written or read or given up
     * @param total items (or keys) in the batch
     */
    void onProgress(int done, int total);
}
