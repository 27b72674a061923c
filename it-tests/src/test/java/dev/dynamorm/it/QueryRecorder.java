package dev.dynamorm.it;

import dev.dynamorm.DynamORM;
import dev.dynamorm.test.BackendContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A DynamORM over a client of the backend's HTTP endpoint whose {@link ExecutionInterceptor}
 * records every request the SDK sends, to assert what the query engine asked DynamoDB.
 */
final class QueryRecorder implements ExecutionInterceptor, AutoCloseable {

    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();
    private final DynamoDbClient client;
    private final DynamORM db;

    QueryRecorder(BackendContext context) {
        this.client =
                DynamoDbClient.builder()
                        .endpointOverride(context.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("dynamorm", "dynamorm")))
                        .httpClientBuilder(
                                Apache5HttpClient.builder()
                                        .maxConnections(32)
                                        .socketTimeout(Duration.ofSeconds(60)))
                        .overrideConfiguration(o -> o.addExecutionInterceptor(this))
                        .build();
        this.db =
                DynamORM.builder()
                        .client(client)
                        .tableNamePrefix(context.tableNamePrefix())
                        .build();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.add(context.request());
    }

    /** The DynamORM whose requests are recorded. */
    DynamORM db() {
        return db;
    }

    /** Every request sent so far. */
    List<SdkRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the recorded requests. */
    void clear() {
        requests.clear();
    }

    /** The Query requests sent so far. */
    List<QueryRequest> queries() {
        return requests.stream()
                .filter(QueryRequest.class::isInstance)
                .map(QueryRequest.class::cast)
                .toList();
    }

    /** The Scan requests sent so far. */
    List<ScanRequest> scans() {
        return requests.stream()
                .filter(ScanRequest.class::isInstance)
                .map(ScanRequest.class::cast)
                .toList();
    }

    /** The GetItem requests sent so far. */
    List<GetItemRequest> gets() {
        return requests.stream()
                .filter(GetItemRequest.class::isInstance)
                .map(GetItemRequest.class::cast)
                .toList();
    }

    @Override
    public void close() {
        db.close();
        client.close();
    }
}
