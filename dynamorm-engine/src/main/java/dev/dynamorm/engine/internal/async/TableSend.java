package dev.dynamorm.engine.internal.async;

import dev.dynamorm.Operation;
import dev.dynamorm.engine.internal.query.AsyncSend;
import dev.dynamorm.engine.internal.write.TableContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/** Sends the async query runner's requests of one table through the async executor. */
final class TableSend implements AsyncSend {

    private final TableContext<?> table;
    private final AsyncEngine engine;

    TableSend(TableContext<?> table, AsyncEngine engine) {
        this.table = table;
        this.engine = engine;
    }

    @Override
    public DynamoDbAsyncClient client() {
        return engine.client();
    }

    @Override
    public <Q extends DynamoDbRequest, R> CompletableFuture<R> send(
            Operation op,
            Map<String, AttributeValue> key,
            Q request,
            Function<Q, CompletableFuture<R>> call) {
        return engine.executor()
                .run(table.event(op, key), request, call, e -> table.map(e, op), null);
    }
}
