package dev.dynamorm.engine.internal.write;

import static dev.dynamorm.engine.internal.write.BatchSupport.backoff;
import static dev.dynamorm.engine.internal.write.BatchSupport.runChunks;

import dev.dynamorm.BatchGetResult;
import dev.dynamorm.BatchOptions;
import dev.dynamorm.BatchWriteResult;
import dev.dynamorm.DynamORMException;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.client.ErrorMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;

/**
 * Batch reads and writes of one table: chunks of {@value #MAX_GET_KEYS} keys or {@value
 * #MAX_WRITE_ITEMS} writes, sent by parallel workers, with unprocessed keys and items retried under
 * the retry policy until done or the budget is spent; whatever is left is reported exactly, never
 * dropped. The batch itself ({@link GetBatch}, {@link WriteBatch}) is shared with the async view.
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
                            getChunk(batch, chunk);
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

    private void getChunk(GetBatch<T> batch, List<Map<String, AttributeValue>> chunk) {
        List<Map<String, AttributeValue>> pending = chunk;
        int attempts = 0;
        while (!pending.isEmpty()) {
            BatchGetItemResponse response;
            try {
                response =
                        ctx.executor()
                                .run(
                                        batch.event(),
                                        batch.request(pending),
                                        r -> ctx.client().batchGetItem(r),
                                        batch::map,
                                        batch.policy());
            } catch (DynamORMException e) {
                batch.failed(pending, e);
                return;
            }
            pending = batch.answered(response);
            if (!pending.isEmpty()) {
                attempts++;
                if (!backoff(
                        batch.policy(),
                        attempts,
                        batch.start(),
                        pending.size(),
                        Operation.BATCH_GET,
                        batch.failure())) {
                    batch.unread(pending);
                    return;
                }
            }
        }
    }

    // ---- writes ----

    public BatchWriteResult<T> write(
            Collection<? extends T> puts, Collection<Key> deletes, BatchOptions options) {
        WriteBatch<T> batch = new WriteBatch<>(table, puts, deletes, options);
        List<List<WriteBatch.Op>> chunks = batch.chunks();
        Set<Object> finished =
                runChunks(
                        chunks,
                        options.workers(),
                        chunk -> {
                            writeChunk(batch, chunk);
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

    private void writeChunk(WriteBatch<T> batch, List<WriteBatch.Op> chunk) {
        List<WriteBatch.Op> pending = chunk;
        int attempts = 0;
        // once an attempt's answer is lost, what is still pending may have been applied by it
        AtomicBoolean lost = new AtomicBoolean();
        while (!pending.isEmpty()) {
            BatchWriteItemResponse response;
            try {
                response =
                        ctx.executor()
                                .run(
                                        batch.event(),
                                        batch.request(pending),
                                        r -> {
                                            try {
                                                return ctx.client().batchWriteItem(r);
                                            } catch (SdkException e) {
                                                if (ErrorMapper.ambiguous(e)) {
                                                    lost.set(true);
                                                }
                                                throw e;
                                            }
                                        },
                                        batch::map,
                                        batch.policy());
            } catch (DynamORMException e) {
                batch.failed(pending, e, lost.get());
                return;
            }
            pending = batch.answered(pending, response);
            if (!pending.isEmpty()) {
                attempts++;
                if (!backoff(
                        batch.policy(),
                        attempts,
                        batch.start(),
                        pending.size(),
                        Operation.BATCH_WRITE,
                        batch.failure())) {
                    batch.unwritten(pending, lost.get());
                    return;
                }
            }
        }
    }
}
