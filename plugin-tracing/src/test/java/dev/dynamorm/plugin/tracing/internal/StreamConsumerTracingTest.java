package dev.dynamorm.plugin.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.tracing.TracingConfig;
import dev.dynamorm.streams.StreamConsumer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream consumer traced by the tracing plugin: a consumer span per handler call, under which the
 * requests the handler sends nest.
 */
final class StreamConsumerTracingTest {

    @DynamoTable("payments")
    public record Payment(@PartitionKey String id, long cents) {}

    @DynamoTable("receipts")
    public record Receipt(@PartitionKey String id, long cents) {}

    private LocalDynamoDb local;
    private InMemorySpanExporter exporter;
    private DynamORM db;
    private Table<Payment> payments;
    private Table<Receipt> receipts;

    @BeforeEach
    void setUp() {
        local = LocalDynamoDb.start();
        exporter = InMemorySpanExporter.create();
        OpenTelemetrySdk otel =
                OpenTelemetrySdk.builder()
                        .setTracerProvider(
                                SdkTracerProvider.builder()
                                        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                                        .build())
                        .build();
        db = DynamORM.builder().client(local.client()).pluginConfig(TracingConfig.of(otel)).build();
        payments = db.table(Payment.class);
        receipts = db.table(Receipt.class);
        payments.createTable();
        receipts.createTable();
        local.client()
                .updateTable(
                        r ->
                                r.tableName("payments")
                                        .streamSpecification(
                                                s ->
                                                        s.streamEnabled(true)
                                                                .streamViewType("NEW_IMAGE")));
    }

    @AfterEach
    void tearDown() {
        db.close();
        local.close();
    }

    private StreamConsumer.Builder<Payment> consumer() {
        return StreamConsumer.builder(db, Payment.class)
                .streamsClient(local.streamsClient())
                .workerId("w1")
                .batchSize(10)
                .handlerRetries(2, Duration.ZERO);
    }

    private List<SpanData> spans(String name) {
        return exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
    }

    @Test
    void eachHandledBatch_isAConsumerSpan_andTheHandlersRequestsAreItsChildren() {
        payments.put(new Payment("p1", 100));
        payments.put(new Payment("p2", 250));
        exporter.reset();
        try (StreamConsumer c =
                consumer()
                        .handler(
                                changes ->
                                        changes.forEach(
                                                ch ->
                                                        receipts.put(
                                                                new Receipt(
                                                                        ch.newImage()
                                                                                .orElseThrow()
                                                                                .id(),
                                                                        ch.newImage()
                                                                                .orElseThrow()
                                                                                .cents()))))
                        .build()) {
            assertThat(c.drain()).isEqualTo(2);
        }
        SpanData batch = spans("ProcessRecords payments").stream().findFirst().orElseThrow();
        assertThat(spans("ProcessRecords payments")).hasSize(1);
        assertThat(batch.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(batch.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        assertThat(batch.getAttributes().get(TracingHook.STREAM_RECORDS)).isEqualTo(2L);
        assertThat(batch.getAttributes().get(TracingHook.STREAM_ATTEMPT)).isEqualTo(1L);
        assertThat(batch.getAttributes().get(TracingHook.STREAM_SHARD)).startsWith("shardId-");
        assertThat(batch.getAttributes().get(TracingHook.STREAM_ITERATOR_AGE))
                .isBetween(0L, 60_000L);
        assertThat(batch.getAttributes().get(TracingHook.DYNAMORM_OPERATION))
                .isEqualTo("stream_read");
        assertThat(batch.getAttributes().get(TracingHook.DYNAMORM_MODEL))
                .isEqualTo(Payment.class.getName());
        assertThat(batch.getAttributes().get(TracingHook.TABLE_NAMES)).containsExactly("payments");

        List<SpanData> puts = spans("PutItem receipts");
        assertThat(puts).hasSize(2);
        assertThat(puts)
                .allSatisfy(
                        p -> {
                            assertThat(p.getParentSpanId()).isEqualTo(batch.getSpanId());
                            assertThat(p.getTraceId()).isEqualTo(batch.getTraceId());
                        });
        assertThat(receipts.get(new Receipt("p2", 0).id())).isPresent();
    }

    @Test
    void aFailingHandler_leavesAnErrorSpanPerAttempt() {
        payments.put(new Payment("p1", 100));
        exporter.reset();
        try (StreamConsumer c =
                consumer()
                        .handler(
                                changes -> {
                                    throw new IllegalStateException("ledger closed");
                                })
                        .build()) {
            assertThat(c.drain()).isZero();
        }
        List<SpanData> batches = spans("ProcessRecords payments");
        assertThat(batches)
                .extracting(s -> s.getAttributes().get(TracingHook.STREAM_ATTEMPT))
                .containsExactly(1L, 2L);
        assertThat(batches)
                .allSatisfy(
                        s -> {
                            assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
                            assertThat(s.getStatus().getDescription()).isEqualTo("ledger closed");
                            assertThat(s.getEvents())
                                    .anySatisfy(
                                            e -> assertThat(e.getName()).isEqualTo("exception"));
                        });
    }
}
