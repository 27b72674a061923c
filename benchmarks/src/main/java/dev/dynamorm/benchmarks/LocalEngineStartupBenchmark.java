package dev.dynamorm.benchmarks;

import dev.dynamorm.local.LocalDynamoDb;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Start-up to first served request inside a running JVM: {@code LocalDynamoDb.start()} and the
 * first ListTables, in-process or over HTTP. {@code cold} measures the first start in a fresh JVM
 * (all class loading included, the AWS SDK's too; one shot per fork); {@code firstInRunningJvm} the
 * first start in a JVM that already used the SDK but never dynamorm-local; {@code warm} a later
 * start in the same JVM. The standalone server's start in a fresh process ({@code java -jar} or the
 * launcher, class-data sharing archive included) is timed by {@link ServerStartup}.
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
     * A JVM that has already used the AWS SDK (as a test JVM talking to DynamoDB has), but never
     * dynamorm-local.
     */
    @State(Scope.Benchmark)
    public static class SdkAlreadyUsed {
        /** Makes one SDK call through a canned HTTP client: no engine class is loaded. */
        @Setup(Level.Trial)
        public void useSdk() {
            SdkHttpClient canned =
                    new SdkHttpClient() {
                        @Override
                        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                            return new ExecutableHttpRequest() {
                                @Override
                                public HttpExecuteResponse call() {
                                    byte[] body =
                                            "{\"TableNames\":[]}".getBytes(StandardCharsets.UTF_8);
                                    return HttpExecuteResponse.builder()
                                            .response(
                                                    SdkHttpResponse.builder()
                                                            .statusCode(200)
                                                            .putHeader(
                                                                    "Content-Length",
                                                                    Integer.toString(body.length))
                                                            .build())
                                            .responseBody(
                                                    AbortableInputStream.create(
                                                            new ByteArrayInputStream(body)))
                                            .build();
                                }

                                @Override
                                public void abort() {}
                            };
                        }

                        @Override
                        public void close() {}
                    };
            try (DynamoDbClient client =
                    DynamoDbClient.builder()
                            .region(Region.US_EAST_1)
                            .credentialsProvider(AnonymousCredentialsProvider.create())
                            .endpointOverride(URI.create("http://canned"))
                            .httpClient(canned)
                            .build()) {
                client.listTables();
            }
        }
    }

    /**
     * First start of dynamorm-local in a JVM that already used the AWS SDK (fresh JVM per fork).
     *
     * @param sdk the SDK warm-up
     * @return tables listed (zero)
     */
    @Benchmark
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public int firstInRunningJvm(SdkAlreadyUsed sdk) {
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
