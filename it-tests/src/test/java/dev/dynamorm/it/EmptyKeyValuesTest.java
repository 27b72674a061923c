package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.DynamoBackend;
import dev.dynamorm.test.assertions.RequestRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Empty string key values are refused before anything is sent, as null keys are (DynamoDB refuses
 * them: "The AttributeValue for a key attribute cannot contain an empty string value").
 */
@DynamoBackend(models = Order.class, recordRequests = true)
final class EmptyKeyValuesTest {

    private Table<Order> orders;

    @BeforeEach
    void setUp(DynamORM db, RequestRecorder requests) {
        orders = db.table(Order.class);
        requests.clear();
    }

    @Test
    void createWithAnEmptyPartitionKey_isRefused_andNothingIsSent(RequestRecorder requests) {
        assertThatThrownBy(() -> orders.create(Order.of("", "o-1", "NEW", 10)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "partition key 'customerId' of model dev.dynamorm.it.model.Order is empty:"
                                + " DynamoDB refuses empty string and binary key values");
        assertThat(requests.requests()).isEmpty();
    }

    @Test
    void getWithAnEmptySortKey_isRefused_andNothingIsSent(RequestRecorder requests) {
        assertThatThrownBy(() -> orders.get("c-1", ""))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "sort key 'orderId' of model dev.dynamorm.it.model.Order is empty:"
                                + " DynamoDB refuses empty string and binary key values");
        assertThat(requests.requests()).isEmpty();
    }

    @Test
    void queryOnAnIndexKeyWithAnEmptyValue_isRefused_andNothingIsSent(RequestRecorder requests) {
        assertThatThrownBy(() -> orders.where("status", "=", "").select("orderId").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "key field 'status' of model dev.dynamorm.it.model.Order is compared with an"
                                + " empty value on index 'by-status': DynamoDB refuses empty string"
                                + " and binary key values");
        assertThat(requests.requests()).isEmpty();
    }

    @Test
    void queryOnTheTableKeyWithAnEmptyValue_isRefused_andNothingIsSent(RequestRecorder requests) {
        assertThatThrownBy(() -> orders.where("customerId", "=", "").all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "key field 'customerId' of model dev.dynamorm.it.model.Order is compared"
                                + " with an empty value on the table: DynamoDB refuses empty string"
                                + " and binary key values");
        assertThat(requests.requests()).isEmpty();
    }

    @Test
    void anEmptyValueInAFilter_isStillSent() {
        orders.put(Order.of("c-1", "o-1", "NEW", 10));

        assertThat(orders.where("customerId", "=", "c-1").filter("note", "=", "").all()).isEmpty();
    }
}
