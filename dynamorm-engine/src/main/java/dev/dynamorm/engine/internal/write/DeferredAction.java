package dev.dynamorm.engine.internal.write;

import dev.dynamorm.Condition;
import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.client.AsyncExecutor;
import dev.dynamorm.engine.internal.client.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One action of an async transaction, added to the transaction only once what it must read is
 * answered through the async client, where the sync transaction reads with the sync client at once:
 * the stored {@code @CreatedAt} a put keeps, and the stored values of {@code @Unique} fields the
 * write moves (its sentinels and guard depend on them). An action that reads nothing is deferred
 * too, so the actions keep the order, and the checks and messages, of the sync transaction.
 *
 * <p>Each read's answer is kept in a field of its own action, written on the thread that completed
 * the read and read after every read's future completed (so after that write).
 */
final class DeferredAction {

    /** The action as prepared when added (before the reads). */
    private final PreparedWrite prepared;

    /** The put's writer, item and condition when it keeps the stored creation time, else null. */
    private final KeepCreatedAt<?> keep;

    private StoredCreation creation;
    private Map<String, AttributeValue> uniqueStored = Map.of();

    /** A put whose stored {@code @CreatedAt} is read before it is prepared again with it. */
    record KeepCreatedAt<T>(
            TableWriter<T> writer, Map<String, AttributeValue> key, T item, Condition condition) {}

    DeferredAction(PreparedWrite prepared, KeepCreatedAt<?> keep) {
        this.prepared = prepared;
        this.keep = keep;
    }

    private boolean readsUnique() {
        UniqueWrites<?> unique = prepared.table().writer().unique();
        return unique.active() && unique.readsStored(prepared);
    }

    /**
     * Sends the reads of this action through the async executor and client; adds their futures to
     * {@code reads}.
     */
    void read(
            AsyncExecutor executor, DynamoDbAsyncClient client, List<CompletableFuture<?>> reads) {
        TableContext<?> table = prepared.table();
        if (keep != null) {
            reads.add(
                    Futures.map(
                            executor.run(
                                    table.event(Operation.GET, keep.key()),
                                    keep.writer().storedCreationRequest(keep.key()),
                                    client::getItem,
                                    e -> table.map(e, Operation.TRANSACT_WRITE),
                                    null),
                            r -> creation = keep.writer().storedCreation(r)));
        }
        if (readsUnique()) {
            UniqueWrites<?> unique = table.writer().unique();
            reads.add(
                    Futures.map(
                            executor.run(
                                    table.event(Operation.GET, prepared.key()),
                                    unique.storedRequest(prepared.key()),
                                    client::getItem,
                                    e -> table.map(e, prepared.op()),
                                    null),
                            r -> uniqueStored = UniqueWrites.stored(r)));
        }
    }

    /**
     * Adds the action to the transaction, prepared again with the stored creation time and expanded
     * with the sentinels of the unique values read, as the sync transaction adds it.
     */
    void addTo(DefaultTransaction tx) {
        PreparedWrite p = keep == null ? prepared : prepareAgain(keep);
        UniqueWrites<?> unique = p.table().writer().unique();
        if (unique.active()) {
            tx.addExpanded(unique, unique.expand(p, uniqueStored));
        } else {
            tx.addOne(p);
        }
    }

    private <T> PreparedWrite prepareAgain(KeepCreatedAt<T> k) {
        return k.writer().preparePut(k.item(), k.condition(), creation);
    }

    /** The reads of every action, sent at once. */
    static List<CompletableFuture<?>> readAll(
            List<DeferredAction> actions, AsyncExecutor executor, DynamoDbAsyncClient client) {
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (DeferredAction a : actions) {
            a.read(executor, client, reads);
        }
        return reads;
    }
}
