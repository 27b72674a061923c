package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.Models.Order;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

final class LambdaEventsTest {
    /** A DynamoDB event as Lambda delivers it (shape of the Lambda developer guide's example). */
    private static final String EVENT =
            """
            {"Records": [
              {"eventID": "e1", "eventName": "INSERT", "eventVersion": "1.1",
               "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
               "dynamodb": {"ApproximateCreationDateTime": 1700000000,
                 "Keys": {"customerId": {"S": "c1"}, "orderId": {"S": "o1"}},
                 "NewImage": {"customerId": {"S": "c1"}, "orderId": {"S": "o1"},
                   "status": {"S": "NEW"}, "totalCents": {"N": "250"},
                   "note_text": {"S": "gift"}},
                 "SequenceNumber": "100", "SizeBytes": 60,
                 "StreamViewType": "NEW_AND_OLD_IMAGES"},
               "eventSourceARN": "arn:aws:dynamodb:us-east-1:1:table/orders/stream/x"},
              {"eventID": "e2", "eventName": "MODIFY", "eventVersion": "1.1",
               "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
               "dynamodb": {"ApproximateCreationDateTime": 1700000001.5,
                 "Keys": {"customerId": {"S": "c1"}, "orderId": {"S": "o1"}},
                 "OldImage": {"customerId": {"S": "c1"}, "orderId": {"S": "o1"},
                   "status": {"S": "NEW"}, "totalCents": {"N": "250"}},
                 "NewImage": {"customerId": {"S": "c1"}, "orderId": {"S": "o1"},
                   "status": {"S": "PAID"}, "totalCents": {"N": "250"}},
                 "SequenceNumber": "200", "SizeBytes": 90,
                 "StreamViewType": "NEW_AND_OLD_IMAGES"}},
              {"eventID": "e3", "eventName": "REMOVE", "eventVersion": "1.1",
               "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
               "dynamodb": {"ApproximateCreationDateTime": 1700000002,
                 "Keys": {"customerId": {"S": "c1"}, "orderId": {"S": "o1"}},
                 "OldImage": {"customerId": {"S": "c1"}, "orderId": {"S": "o1"},
                   "status": {"S": "PAID"}, "totalCents": {"N": "250"}},
                 "SequenceNumber": "300", "SizeBytes": 50,
                 "StreamViewType": "NEW_AND_OLD_IMAGES"},
               "userIdentity": {"type": "Service", "principalId": "dynamodb.amazonaws.com"}}
            ]}
            """;

    private static LocalDynamoDb local;
    private static DynamORM db;
    private static ChangeDecoder<Order> decoder;

    @BeforeAll
    static void setUp() {
        local = LocalDynamoDb.start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
        decoder = ChangeDecoder.of(db.table(Order.class));
    }

    @AfterAll
    static void tearDown() {
        db.close();
        local.close();
    }

    private static Map<String, Object> event() {
        return LambdaEvents.read(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void decode_lambdaEvent_givesTypedChanges() {
        List<ChangeEvent<Order>> changes = LambdaEvents.decode(decoder, event());

        assertThat(changes)
                .extracting(ChangeEvent::kind)
                .containsExactly(ChangeKind.INSERT, ChangeKind.MODIFY, ChangeKind.REMOVE);
        assertThat(changes).extracting(ChangeEvent::key).containsOnly(Key.of("c1", "o1"));
        assertThat(changes.get(0).newImage())
                .contains(new Order("c1", "o1", "NEW", 250, "gift", null));
        assertThat(changes.get(0).approximateCreationTime())
                .contains(Instant.ofEpochSecond(1_700_000_000));
        assertThat(changes.get(1).approximateCreationTime())
                .contains(Instant.ofEpochMilli(1_700_000_001_500L));
        assertThat(changes.get(1).changedFields()).containsExactly("status");
        assertThat(changes.get(1).viewType()).contains(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(changes.get(2).expiredByTtl()).isTrue();
        assertThat(changes.get(0).expiredByTtl()).isFalse();
        assertThat(changes)
                .extracting(ChangeEvent::sequenceNumber)
                .containsExactly("100", "200", "300");
        assertThat(changes).extracting(ChangeEvent::sizeBytes).containsExactly(60L, 90L, 50L);
    }

    @Test
    void process_stopsAtTheFirstFailure_andReportsItsSequenceNumber() {
        List<String> handled = new ArrayList<>();
        Map<String, Object> response =
                LambdaEvents.process(
                        decoder,
                        event(),
                        change -> {
                            if (change.kind() == ChangeKind.MODIFY) {
                                throw new IllegalStateException("busy");
                            }
                            handled.add(change.sequenceNumber());
                        });

        assertThat(handled).containsExactly("100");
        assertThat(response)
                .isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "200"))));
        assertThat(LambdaEvents.process(decoder, event(), change -> {}))
                .isEqualTo(Map.of("batchItemFailures", List.of()));
    }

    @Test
    void process_reportsARecordThatCannotBeDecoded() {
        Map<String, Object> event =
                LambdaEvents.read(
                        new ByteArrayInputStream(
                                EVENT.replaceFirst("\\{\"N\": \"250\"}", "{\"S\": \"x\"}")
                                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(LambdaEvents.process(decoder, event, change -> {}))
                .isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "100"))));
    }

    @Test
    void records_refusesMalformedEvents_namingTheRecord() {
        assertThatThrownBy(() -> LambdaEvents.records(Map.of("records", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a DynamoDB Streams event: it has no 'Records' list");
        assertThatThrownBy(
                        () ->
                                LambdaEvents.records(
                                        Map.of(
                                                "Records",
                                                List.of(
                                                        Map.of(
                                                                "eventID",
                                                                "e9",
                                                                "dynamodb",
                                                                Map.of("Keys", Map.of()))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lambda event record 0 ('e9') has no 'dynamodb.SequenceNumber'");
        assertThatThrownBy(
                        () ->
                                LambdaEvents.records(
                                        Map.of(
                                                "Records",
                                                List.of(
                                                        Map.of(
                                                                "eventID",
                                                                "e8",
                                                                "dynamodb",
                                                                Map.of(
                                                                        "SequenceNumber",
                                                                        "1",
                                                                        "Keys",
                                                                        Map.of(
                                                                                "id",
                                                                                Map.of(
                                                                                        "X",
                                                                                        "1"))))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Lambda event record 0 ('e8') has an attribute value of unknown type 'X'");
    }
}
