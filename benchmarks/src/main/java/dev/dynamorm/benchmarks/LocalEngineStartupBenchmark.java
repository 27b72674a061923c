package dev.dynamorm.benchmarks;

import dev.dynamorm.local.LocalDynamoDb;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up to first served request inside a running JVM: {@code LocalDynamoDb.start()} and the first ListTables,
 * in-process or over HTTP (the HTTP client is built beforehand, as a test would have it). {@code cold} measures the
 * first start in a fresh JVM (class loading included, one shot per fork); {@code warm} a later start in the same JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LocalEngineStartupBenchmark {

    @Param({"in-process", "http"})
    public String via;

    /**
     * First start in a fresh JVM.
     *
     * @return tables listed (zero)
     */
    @Benchmark
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int cold() {
        return startAndServe();
    }

    /**
     * A start after several others in the same JVM.
     *
     * @return tables listed (zero)
     */
    @Benchmark
    @Fork(1)
    @Warmup(iterations = 20)
    @Measurement(iterations = 20)
    public int warm() {
        return startAndServe();
    }

    private int startAndServe() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            if (via.equals("http")) {
                try (var client = Clients.http(local.endpoint())) {
                    return client.listTables().tableNames().size();
                }
            }
            return local.client().listTables().tableNames().size();
        }
    }
}
