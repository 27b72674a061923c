package dev.dynamorm.benchmarks;

import dev.dynamorm.benchmarks.model.Codecs;
import dev.dynamorm.benchmarks.model.Fixtures;
import dev.dynamorm.benchmarks.model.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Canned DynamoDB answers about orders (the typical model), shared by the suites over {@link
 * CannedHttpClient}.
 */
final class CannedOrders {

    /** The customer of the canned orders. */
    static final int CUSTOMER = 42;

    /** How many orders the canned query returns. */
    static final int QUERY_SIZE = 25;

    private CannedOrders() {}

    /**
     * A canned client answering GetItem with order 1, Query with 25 orders, and PutItem, UpdateItem
     * and BatchWriteItem with success. The items are in DynamORM's stored format (which every
     * reader here reads).
     */
    static CannedHttpClient client(
            java.util.function.Function<Order, Map<String, AttributeValue>> writer) {
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        for (int i = 0; i < QUERY_SIZE; i++) {
            page.add(writer.apply(Fixtures.order(CUSTOMER, i)));
        }
        return new CannedHttpClient()
                .respond(
                        "GetItem",
                        DynamoJson.getItemResponse(writer.apply(Fixtures.order(CUSTOMER, 1))))
                .respond("Query", DynamoJson.queryResponse(page))
                .respond("PutItem", "{}")
                .respond("UpdateItem", "{}")
                .respond("BatchWriteItem", "{\"UnprocessedItems\":{}}");
    }

    /** The canned client with items as the hand-written code writes them. */
    static CannedHttpClient client() {
        return client(Codecs::toItem);
    }

    /** 25 orders of one customer, for batch writes. */
    static List<Order> batch() {
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < QUERY_SIZE; i++) {
            out.add(Fixtures.order(CUSTOMER, 1000 + i));
        }
        return out;
    }
}
