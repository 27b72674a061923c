package dev.dynamorm.engine.internal.async;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.AsyncDynamORM;
import dev.dynamorm.BatchWriterOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.ReadTransaction;
import dev.dynamorm.Transaction;
import dev.dynamorm.TransactionReadResult;
import dev.dynamorm.TransactionResult;
import dev.dynamorm.engine.internal.client.EngineContext;
import dev.dynamorm.engine.internal.write.DefaultReadTransaction;
import dev.dynamorm.engine.internal.write.DefaultTransaction;
import dev.dynamorm.engine.internal.write.TableContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link AsyncDynamORM} of one instance: its transactions, prepared as the sync ones and sent
 * through the async engine.
 */
public final class DefaultAsyncDynamORM implements AsyncDynamORM {

    private final DynamORM sync;
    private final Function<Class<?>, TableContext<?>> tables;
    private final EngineContext context;
    private final AsyncEngine engine;
    private final Function<BatchWriterOptions, AsyncBatchWriter> batchWriters;

    /**
     * The async view of an instance.
     *
     * @param sync the instance
     * @param tables the table of a model type (registering it on first use)
     * @param context the instance's engine context
     * @param engine the async client and executor
     * @param batchWriters opens an async batch writer (the instance flushes it when it closes)
     */
    public DefaultAsyncDynamORM(
            DynamORM sync,
            Function<Class<?>, TableContext<?>> tables,
            EngineContext context,
            AsyncEngine engine,
            Function<BatchWriterOptions, AsyncBatchWriter> batchWriters) {
        this.sync = sync;
        this.batchWriters = batchWriters;
        this.tables = tables;
        this.context = context;
        this.engine = engine;
    }

    @Override
    public DynamORM sync() {
        return sync;
    }

    @Override
    public CompletableFuture<TransactionResult> transaction(Consumer<Transaction> body) {
        return new DefaultTransaction(tables, context)
                .runAsync(body, engine.executor(), engine.client());
    }

    @Override
    public CompletableFuture<TransactionReadResult> readTransaction(
            Consumer<ReadTransaction> body) {
        return new DefaultReadTransaction(tables, context)
                .runAsync(body, engine.executor(), engine.client());
    }

    @Override
    public AsyncBatchWriter batchWriter(BatchWriterOptions options) {
        return batchWriters.apply(Objects.requireNonNull(options, "options"));
    }
}
