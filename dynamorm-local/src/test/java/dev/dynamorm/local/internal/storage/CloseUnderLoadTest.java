package dev.dynamorm.local.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.local.internal.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the log while writes are in flight: close() returns (no deadlock between the snapshot,
 * which reads the tables, and writers holding a table while they wait to append), and every write
 * that was acknowledged is in the data directory afterwards.
 */
class CloseUnderLoadTest {
    private static final int TABLES = 4;
    private static final int WRITERS = 8;

    @TempDir Path dir;

    private static Engine.Response call(Engine engine, String op, String json) {
        return engine.handle(op, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String table(int i) {
        return "tbl" + i;
    }

    private static String key(int table, String key) {
        return "{\"TableName\":\"" + table(table) + "\",\"Key\":{\"pk\":{\"S\":\"" + key + "\"}}}";
    }

    @Test
    void closeReturnsWithWritesInFlightAndKeepsEveryAcknowledgedWrite() throws Exception {
        for (int round = 0; round < 8; round++) {
            closeDuringWrites(dir.resolve("round" + round));
        }
    }

    private void closeDuringWrites(Path d) throws Exception {
        Engine engine = new Engine("us-east-1", "000000000000");
        WriteAheadLog wal = WriteAheadLog.open(d, engine, false);
        engine.journal(wal);
        for (int t = 0; t < TABLES; t++) {
            assertThat(
                            call(
                                            engine,
                                            "CreateTable",
                                            "{\"TableName\":\""
                                                    + table(t)
                                                    + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                                                    + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                                                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}")
                                    .status())
                    .isEqualTo(200);
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refusals = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch running = new CountDownLatch(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(
                    pool.submit(
                            () -> {
                                running.countDown();
                                for (int i = 0; ; i++) {
                                    int t = (writer + i) % TABLES;
                                    String k = "w" + writer + "-" + i;
                                    // a transaction over two tables holds both write locks
                                    Engine.Response r =
                                            call(
                                                    engine,
                                                    "TransactWriteItems",
                                                    "{\"TransactItems\":[{\"Put\":{\"TableName\":\""
                                                            + table(t)
                                                            + "\",\"Item\":{\"pk\":{\"S\":\""
                                                            + k
                                                            + "\"}}}},{\"Put\":{\"TableName\":\""
                                                            + table((t + 1) % TABLES)
                                                            + "\",\"Item\":{\"pk\":{\"S\":\""
                                                            + k
                                                            + "\"}}}}]}");
                                    if (r.status() != 200) {
                                        refusals.add(new String(r.body(), StandardCharsets.UTF_8));
                                        return;
                                    }
                                    acknowledged.add(t + "/" + k);
                                }
                            }));
        }
        running.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (acknowledged.size() < WRITERS
                && refusals.isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Future<?> closing = pool.submit(wal::close);
        try {
            closing.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("close() did not return with writes in flight", e);
        }
        for (Future<?> w : writers) {
            w.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(acknowledged).as("refusals %s", refusals).isNotEmpty();

        Engine reopened = new Engine("us-east-1", "000000000000");
        WriteAheadLog again = WriteAheadLog.open(d, reopened, false);
        try {
            for (String ack : acknowledged) {
                int t = Integer.parseInt(ack.substring(0, ack.indexOf('/')));
                String k = ack.substring(ack.indexOf('/') + 1);
                for (int table : new int[] {t, (t + 1) % TABLES}) {
                    String body =
                            new String(
                                    call(reopened, "GetItem", key(table, k)).body(),
                                    StandardCharsets.UTF_8);
                    assertThat(body).as("%s in %s", k, table(table)).contains("\"Item\"");
                }
            }
        } finally {
            again.close();
        }
    }
}
