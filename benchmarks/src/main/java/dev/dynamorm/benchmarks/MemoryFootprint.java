package dev.dynamorm.benchmarks;

import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Heap retained per stored ~1 KB item: stores N items of the benchmark's shape (each a distinct key
 * and a distinct payload string, as real data would be) through the in-process client and compares
 * the used heap after full GCs. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.dynamorm.benchmarks.MemoryFootprint [N]}.
 */
public final class MemoryFootprint {
    private MemoryFootprint() {}

    /**
     * Prints bytes of heap per stored item.
     *
     * @param args optional item count (default 100000)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            DynamoDbClient client = local.client();
            new Workload(client).createAndSeed();
            long before = usedAfterGc();
            List<WriteRequest> batch = new ArrayList<>();
            long itemBytes = 0;
            for (int i = 0; i < n; i++) {
                Map<String, AttributeValue> item = item(i);
                itemBytes = approximateSize(item);
                batch.add(
                        WriteRequest.builder()
                                .putRequest(PutRequest.builder().item(item).build())
                                .build());
                if (batch.size() == 25) {
                    List<WriteRequest> send = batch;
                    client.batchWriteItem(r -> r.requestItems(Map.of(Workload.TABLE, send)));
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                List<WriteRequest> send = batch;
                client.batchWriteItem(r -> r.requestItems(Map.of(Workload.TABLE, send)));
            }
            long after = usedAfterGc();
            System.out.printf(
                    Locale.ROOT,
                    "items: %d, DynamoDB size of one item: %d bytes, heap retained: %d bytes per item%n",
                    n,
                    itemBytes,
                    (after - before) / n);
        }
    }

    /**
     * The i-th stored item: the benchmark's shape with a distinct key and a distinct payload, so no
     * string is shared between items (as with real data).
     */
    static Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(Workload.item("m" + i, i));
        item.put(
                "payload",
                AttributeValue.createS(
                        String.format(Locale.ROOT, "%08d", i) + Workload.PAYLOAD.substring(8)));
        return item;
    }

    private static long approximateSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().length();
            AttributeValue v = e.getValue();
            if (v.s() != null) {
                size += v.s().length();
            } else if (v.n() != null) {
                size += v.n().length();
            } else if (v.hasSs()) {
                size += v.ss().stream().mapToInt(String::length).sum();
            } else {
                size += 1;
            }
        }
        return size;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
