package dev.dynamorm.engine.internal.write;

import static dev.dynamorm.engine.internal.write.BatchSupport.runChunks;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.client.EngineContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Batch reads and writes of one table: chunks of {@value #MAX_GET_KEYS} keys or {@value
 * #MAX_WRITE_ITEMS} writes, sent by parallel workers, with unprocessed keys and items retried under
 * the retry policy until done or the budget is spent; whatever is left is reported exactly, never
 * dropped. The batch itself ({@link GetBatch}, {@link WriteBatch}) is shared with the async view.
 * Before a batch write, the puts of instances without {@code @CreatedAt} read the stored creation
 * times they carry over ({@link StoredCreationReads}).
 */
public final class TableBatch<T> {

    /** DynamoDB's limit on the keys of one BatchGetItem call. */
    public static final int MAX_GET_KEYS = 100;

    /** DynamoDB's limit on the writes of one BatchWriteItem call. */
    public static final int MAX_WRITE_ITEMS = 25;

    private final TableContext<T> table;
    private final EngineContext ctx;

    public TableBatch(TableContext<T> table) {
        this.table = table;
        this.ctx = table.context();
    }

    // ---- reads ----

    public BatchGetResult<T> get(Collection<Key> keys, BatchOptions options) {
        GetBatch<T> batch = new GetBatch<>(table, keys, options);
        List<List<Map<String, AttributeValue>>> chunks = batch.chunks();
        Set<Object> finished =
                runChunks(
                        chunks,
                        options.workers(),
                        chunk -> {
                            UnprocessedRetry.send(
                                    ctx.executor(),
                                    batch,
                                    chunk,
                                    r -> ctx.client().batchGetItem(r));
                            batch.chunkDone(chunk);
                        },
                        batch.failure(),
                        Operation.BATCH_GET);
        for (List<Map<String, AttributeValue>> chunk : chunks) {
            if (!finished.contains(chunk)) {
                batch.unread(chunk);
            }
        }
        return batch.result();
    }

    // ---- writes ----

    public BatchWriteResult<T> write(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        WriteBatch<T> batch = new WriteBatch<>(table, puts, deletes, options);
        readStoredCreation(batch.reads(), options.workers());
        List<List<WriteBatch.Op>> chunks = batch.chunks();
        Set<Object> finished =
                runChunks(
                        chunks,
                        options.workers(),
                        chunk -> {
                            UnprocessedRetry.send(
                                    ctx.executor(),
                                    batch,
                                    chunk,
                                    r -> ctx.client().batchWriteItem(r));
                            batch.chunkDone(chunk);
                        },
                        batch.failure(),
                        Operation.BATCH_WRITE);
        for (List<WriteBatch.Op> chunk : chunks) {
            if (!finished.contains(chunk)) {
                batch.unwritten(chunk, false);
            }
        }
        return batch.result();
    }

    /** Reads the stored creation times a batch put carries over (nothing when none is wanted). */
    private void readStoredCreation(StoredCreationReads reads, int workers) {
        if (reads.isEmpty()) {
            return;
        }
        runChunks(
                reads.chunks(),
                workers,
                chunk ->
                        UnprocessedRetry.send(
                                ctx.executor(), reads, chunk, r -> ctx.client().batchGetItem(r)),
                reads.failure(),
                Operation.BATCH_GET);
    }
}
