package dev.dynamorm.plugin.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.Page;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.tracing.TracingConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tracing plugin, discovered from its jar, with spans exported to memory by the OpenTelemetry
 * SDK.
 */
final class TracingPluginTest {

    private static LocalDynamoDb local;
    private InMemorySpanExporter exporter;
    private OpenTelemetrySdk otel;
    private DynamORM db;
    private Table<Event> events;

    @DynamoTable("events")
    public record Event(
            @PartitionKey String stream,
            @SortKey int seq,
            @IndexKey(index = "by-kind") String kind,
            String body) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void setUp() {
        exporter = InMemorySpanExporter.create();
        otel =
                OpenTelemetrySdk.builder()
                        .setTracerProvider(
                                SdkTracerProvider.builder()
                                        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                                        .build())
                        .build();
        db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("t" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginConfig(TracingConfig.of(otel))
                        .build();
        events = db.table(Event.class);
        events.createTable();
        exporter.reset();
    }

    @AfterEach
    void tearDown() {
        db.close();
        otel.close();
    }

    private List<SpanData> spans(String name) {
        return exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
    }

    @Test
    // the scope is only opened and closed (makes the parent span current)
    @SuppressWarnings("try")
    void write_isAClientSpanWithDynamoDbConventions_childOfTheCallersSpan() {
        Span parent = otel.getTracer("test").spanBuilder("handle request").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            events.put(new Event("s1", 1, "click", "x"));
        } finally {
            parent.end();
        }
        SpanData put = spans("PutItem " + events.tableName()).get(0);
        assertThat(put.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(put.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(put.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
        assertThat(put.getAttributes().get(AttributeKey.stringKey("db.system")))
                .isEqualTo("dynamodb");
        assertThat(put.getAttributes().get(AttributeKey.stringKey("db.operation")))
                .isEqualTo("PutItem");
        assertThat(put.getAttributes().get(AttributeKey.stringKey("rpc.service")))
                .isEqualTo("DynamoDB");
        assertThat(put.getAttributes().get(AttributeKey.stringArrayKey("aws.dynamodb.table_names")))
                .containsExactly(events.tableName());
        assertThat(put.getAttributes().get(AttributeKey.stringKey("dynamorm.model")))
                .isEqualTo(Event.class.getName());
        assertThat(
                        put.getAttributes()
                                .get(AttributeKey.stringArrayKey("aws.dynamodb.consumed_capacity")))
                .singleElement()
                .asString()
                .contains(events.tableName());
        assertThat(put.getAttributes().get(AttributeKey.longKey("dynamorm.attempts")))
                .isEqualTo(1L);
        assertThat(put.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void queryOnIndex_recordsIndexLimitAndCounts_withASpanPerPage() {
        for (int i = 0; i < 3; i++) {
            events.put(new Event("s2", i, "view", "b" + i));
        }
        exporter.reset();
        Page<Event> first = events.where("kind", "=", "view").limit(2).page();
        assertThat(first.items()).hasSize(2);
        Page<Event> second =
                events.where("kind", "=", "view").limit(2).after(first.cursor()).page();
        assertThat(second.items()).hasSize(1);
        List<SpanData> queries = spans("Query " + events.tableName());
        assertThat(queries).isNotEmpty();
        SpanData q = queries.get(0);
        assertThat(q.getAttributes().get(AttributeKey.stringKey("aws.dynamodb.index_name")))
                .isEqualTo("by-kind");
        assertThat(q.getAttributes().get(AttributeKey.booleanKey("aws.dynamodb.consistent_read")))
                .isFalse();
        assertThat(q.getAttributes().get(AttributeKey.longKey("aws.dynamodb.limit"))).isNotNull();
        assertThat(q.getAttributes().get(AttributeKey.longKey("aws.dynamodb.count"))).isNotNull();
        assertThat(q.getAttributes().get(AttributeKey.longKey("dynamorm.page"))).isEqualTo(1L);
        assertThat(
                        queries.get(queries.size() - 1)
                                .getAttributes()
                                .get(AttributeKey.longKey("dynamorm.page")))
                .isEqualTo(2L);
    }

    @Test
    void failure_isRecordedWithErrorStatus() {
        events.create(new Event("s3", 1, "k", "b"));
        exporter.reset();
        assertThatThrownBy(() -> events.create(new Event("s3", 1, "k", "b")))
                .isInstanceOf(ItemAlreadyExistsException.class);
        SpanData failed = spans("PutItem " + events.tableName()).get(0);
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getEvents())
                .anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
        assertThat(failed.getAttributes().get(AttributeKey.stringKey("dynamorm.operation")))
                .isEqualTo("create");
    }

    @Test
    void createTableIfMissing_probeOfAMissingTable_isNoErrorSpan() {
        try (DynamORM other =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("t" + UUID.randomUUID().toString().substring(0, 8) + "_")
                        .pluginConfig(TracingConfig.of(otel))
                        .build()) {
            exporter.reset();
            other.table(Event.class).createTableIfMissing();
            assertThat(exporter.getFinishedSpanItems())
                    .isNotEmpty()
                    .allSatisfy(
                            span ->
                                    assertThat(span.getStatus().getStatusCode())
                                            .as(span.getName())
                                            .isNotEqualTo(StatusCode.ERROR));
        }
    }

    @Test
    void batchAndTransaction_spanListsEveryTable() {
        events.batchPut(List.of(new Event("s4", 1, "a", "x"), new Event("s4", 2, "a", "y")));
        db.transaction(tx -> tx.put(new Event("s4", 3, "a", "z")));
        assertThat(spans("BatchWriteItem " + events.tableName()))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(
                                                s.getAttributes()
                                                        .get(
                                                                AttributeKey.stringArrayKey(
                                                                        "aws.dynamodb.table_names")))
                                        .containsExactly(events.tableName()));
        assertThat(spans("TransactWriteItems " + events.tableName())).hasSize(1);
    }

    @Test
    // the scope is only opened and closed (makes the parent span current)
    @SuppressWarnings("try")
    void noopOpenTelemetry_operationsSucceed_andTheCallersSpanStaysCurrent() {
        try (DynamORM quiet =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix(
                                events.tableName()
                                        .substring(
                                                0, events.tableName().length() - "events".length()))
                        .pluginConfig(TracingConfig.of(io.opentelemetry.api.OpenTelemetry.noop()))
                        .build()) {
            Table<Event> t = quiet.table(Event.class);
            Span parent = otel.getTracer("test").spanBuilder("caller").startSpan();
            try (Scope ignored = parent.makeCurrent()) {
                t.put(new Event("n1", 1, "click", "x"));
                assertThat(t.get("n1", 1)).contains(new Event("n1", 1, "click", "x"));
                assertThat(Span.current()).isSameAs(parent);
            } finally {
                parent.end();
            }
        }
        assertThat(exporter.getFinishedSpanItems())
                .extracting(SpanData::getName)
                .containsExactly("caller");
    }

    @Test
    void properties_areRefused_theOpenTelemetryInstanceIsTypedConfiguration() {
        assertThatThrownBy(
                        () ->
                                DynamORM.builder()
                                        .client(local.client())
                                        .pluginProperty("tracing", "enabled", "false")
                                        .build())
                .isInstanceOf(dev.dynamorm.PluginException.class)
                .hasMessageContaining(
                        "unknown option 'enabled' for plugin tracing; it takes no options (give the "
                                + "OpenTelemetry instance with TracingConfig)");
    }

    @Test
    void version_isDynamORMsVersion() {
        assertThat(new TracingPlugin().version())
                .isEqualTo(DynamORM.version())
                .isNotEqualTo("unknown");
    }
}
