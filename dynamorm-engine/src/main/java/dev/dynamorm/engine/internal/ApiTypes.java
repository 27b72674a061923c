package dev.dynamorm.engine.internal;

import dev.dynamorm.AsyncBatchWriter;
import dev.dynamorm.AsyncDynamORM;
import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.Query;
import dev.dynamorm.engine.internal.async.DefaultAsyncDynamORM;
import dev.dynamorm.engine.internal.async.DefaultAsyncTable;
import dev.dynamorm.engine.internal.write.DefaultAsyncBatchWriter;
import dev.dynamorm.engine.internal.write.DefaultBatchWriter;

/**
 * The engine's objects seen as the API interfaces they implement. The upcasts live here, not in
 * {@link DefaultDynamORM} and {@link DefaultTable}: the JVM's verifier loads the target interface
 * of every upcast in a class it verifies, so an upcast written in those two would load {@code
 * AsyncDynamORM}, {@code BatchWriter}, {@code AsyncBatchWriter}, {@code Query} and {@code
 * AsyncTable} before the first GetItem of a program that never uses them (issue 16, cold start).
 * This class is loaded only when one of them is handed out.
 */
final class ApiTypes {

    private ApiTypes() {}

    static AsyncDynamORM asyncDynamORM(DefaultAsyncDynamORM async) {
        return async;
    }

    static BatchWriter batchWriter(DefaultBatchWriter writer) {
        return writer;
    }

    static AsyncBatchWriter asyncBatchWriter(DefaultAsyncBatchWriter writer) {
        return writer;
    }

    static <T> Query<T> query(DefaultQuery<T> query) {
        return query;
    }

    static <T> AsyncTable<T> asyncTable(DefaultAsyncTable<T> table) {
        return table;
    }
}
