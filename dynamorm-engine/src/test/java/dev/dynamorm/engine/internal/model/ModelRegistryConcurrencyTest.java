package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class ModelRegistryConcurrencyTest {

    record Leaf(String name, List<Leaf> more) {}

    record Branch(String name, Leaf leaf, Map<String, Leaf> leaves) {}

    @DynamoTable("trees")
    record Trunk(@PartitionKey String id, Branch branch, List<Branch> branches, Leaf leaf) {}

    @Test
    void metadata_registeredFromEightThreadsAtOnce_isOneInstance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 25; round++) {
                ModelRegistry registry = TestConverters.registry();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object[]>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    Callable<Object[]> task =
                            () -> {
                                start.await();
                                // half the threads come in through a nested type first
                                if (thread % 2 == 0) {
                                    registry.converters().find(Leaf.class);
                                }
                                ModelMetadata<Trunk> trunk = registry.metadata(Trunk.class);
                                return new Object[] {
                                    trunk,
                                    registry.nestedMetadata(Leaf.class),
                                    trunk.field("branch")
                                            .nestedModel()
                                            .orElseThrow()
                                            .field("leaf")
                                            .nestedModel()
                                            .orElseThrow()
                                };
                            };
                    results.add(pool.submit(task));
                }
                start.countDown();
                Object[] first = results.get(0).get(30, TimeUnit.SECONDS);
                assertThat(first[2]).isSameAs(first[1]);
                for (Future<Object[]> f : results) {
                    Object[] r = f.get(30, TimeUnit.SECONDS);
                    assertThat(r[0]).isSameAs(first[0]);
                    assertThat(r[1]).isSameAs(first[1]);
                    assertThat(r[2]).isSameAs(first[1]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
