package dev.dynamorm.it;

import static dev.dynamorm.Condition.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemAlreadyExistsException;
import dev.dynamorm.ItemNotFoundException;
import dev.dynamorm.NullHandling;
import dev.dynamorm.Operation;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.UnknownFieldException;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.WriteResult;
import dev.dynamorm.it.model.Customer;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.it.model.Profile;
import dev.dynamorm.test.DynamoBackend;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Single-item operations and key queries, run on every backend by the subclasses. */
@DynamoBackend(models = {Customer.class, Order.class, Profile.class})
abstract class CrudSuite {

    private DynamORM db;
    private DynamoDbClient raw;
    private Table<Order> orders;
    private Table<Customer> customers;

    @BeforeEach
    void setUp(DynamORM db, DynamoDbClient raw) {
        this.db = db;
        this.raw = raw;
        this.orders = db.table(Order.class);
        this.customers = db.table(Customer.class);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private Map<String, AttributeValue> rawItem(Table<?> table, Map<String, AttributeValue> key) {
        return raw.getItem(b -> b.tableName(table.tableName()).key(key).consistentRead(true))
                .item();
    }

    private static Map<String, AttributeValue> orderKey(String customer, String order) {
        return Map.of(
                "customerId",
                AttributeValue.fromS(customer),
                "orderId",
                AttributeValue.fromS(order));
    }

    @Test
    void create_writesItemThatReadsBackEqual() {
        String c = unique();
        Order order = Order.of(c, "o1", "NEW", 1250).withNote("fragile");
        orders.create(order);
        assertThat(orders.get(c, "o1")).contains(order);
        Map<String, AttributeValue> stored = rawItem(orders, orderKey(c, "o1"));
        assertThat(stored.get("totalCents").n()).isEqualTo("1250");
        assertThat(stored.get("status").s()).isEqualTo("NEW");
        assertThat(stored.get("items").l()).extracting(AttributeValue::s).containsExactly("item");
    }

    @Test
    void create_ofExistingKey_failsWithStoredItemAndKeepsIt() {
        String c = unique();
        Order first = Order.of(c, "o1", "NEW", 100);
        orders.create(first);
        assertThatThrownBy(() -> orders.create(first.withStatus("OTHER")))
                .isInstanceOfSatisfying(
                        ItemAlreadyExistsException.class,
                        e -> {
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "an item with key {customerId='"
                                                    + c
                                                    + "', orderId='o1'} already exists in table '"
                                                    + orders.tableName()
                                                    + "' (model dev.dynamorm.it.model.Order)");
                            assertThat(e.operation()).contains(Operation.CREATE);
                            assertThat(e.isRetryable()).isFalse();
                            assertThat(e.storedModel(Order.class)).contains(first);
                            assertThat(e.awsException()).isPresent();
                        });
        assertThat(orders.get(c, "o1")).contains(first);
    }

    @Test
    void create_omitsNullFields() {
        String c = unique();
        orders.create(Order.of(c, "o1", "NEW", 1));
        assertThat(rawItem(orders, orderKey(c, "o1"))).doesNotContainKey("note");
    }

    @Test
    void put_replacesWholeItem_andReturnsOldItemWhenAsked() {
        String c = unique();
        Order first = Order.of(c, "o1", "NEW", 100).withNote("keep?");
        orders.put(first);
        Order second = Order.of(c, "o1", "PAID", 200);
        WriteResult<Order> result =
                orders.put(second, WriteOptions.builder().returnValue(ReturnValue.ALL_OLD).build());
        assertThat(result.item()).contains(first);
        assertThat(orders.get(c, "o1")).contains(second);
        assertThat(rawItem(orders, orderKey(c, "o1"))).doesNotContainKey("note");
    }

    @Test
    void put_withFailingCondition_raisesConditionFailedWithStoredItem() {
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 100);
        orders.put(stored);
        assertThatThrownBy(
                        () ->
                                orders.put(
                                        stored.withStatus("PAID"),
                                        WriteOptions.when(when("status", "=", "SHIPPED"))))
                .isInstanceOfSatisfying(
                        ConditionFailedException.class,
                        e -> {
                            assertThat(e).isNotInstanceOf(ItemAlreadyExistsException.class);
                            assertThat(e.storedModel(Order.class)).contains(stored);
                            assertThat(e.storedItem().orElseThrow().get("status").s())
                                    .isEqualTo("NEW");
                        });
        orders.put(stored.withStatus("PAID"), WriteOptions.when(when("status", "=", "NEW")));
        assertThat(orders.get(c, "o1").orElseThrow().status()).isEqualTo("PAID");
    }

    @Test
    void get_ofMissingKey_isEmpty() {
        assertThat(orders.get(unique(), "none")).isEmpty();
        assertThat(customers.get(unique())).isEmpty();
    }

    @Test
    void get_withWrongKeyArity_failsBeforeSending() {
        assertThatThrownBy(() -> orders.get("c"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "model dev.dynamorm.it.model.Order has sort key 'orderId': call get(partitionKey, sortKey)");
        assertThatThrownBy(() -> customers.get("c", "x"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "model dev.dynamorm.it.model.Customer has no sort key: call get(partitionKey)");
    }

    @Test
    void get_withValueOfWrongType_failsBeforeSending() {
        assertThatThrownBy(() -> orders.get(42, "o1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 42 (Integer) does not fit field 'customerId' of model dev.dynamorm.it.model.Order, "
                                + "which is java.lang.String");
    }

    @Test
    void renamedAttribute_isStoredUnderItsName() {
        String id = unique();
        Customer customer = new Customer(id, "Ada", "ada@example.com", 36);
        customers.create(customer);
        Map<String, AttributeValue> stored =
                rawItem(customers, Map.of("id", AttributeValue.fromS(id)));
        assertThat(stored).containsKey("mail").doesNotContainKey("email");
        assertThat(stored.get("age").n()).isEqualTo("36");
        assertThat(customers.get(id)).contains(customer);
    }

    @Test
    void bean_withSnakeCaseAndIgnoredField_roundTrips() {
        Table<Profile> profiles = db.table(Profile.class);
        String id = unique();
        Profile p = new Profile(id, 3, "Grace");
        p.setScratch("not stored");
        profiles.create(p);
        Map<String, AttributeValue> stored =
                rawItem(
                        profiles,
                        Map.of(
                                "user_id",
                                AttributeValue.fromS(id),
                                "profile_version",
                                AttributeValue.fromN("3")));
        assertThat(stored).containsOnlyKeys("user_id", "profile_version", "display_name");
        Profile back = profiles.get(id, 3).orElseThrow();
        assertThat(back.getDisplayName()).isEqualTo("Grace");
        assertThat(back.getScratch()).isNull();
    }

    @Test
    void update_sendsOnlyChosenFields() {
        String c = unique();
        orders.create(Order.of(c, "o1", "NEW", 100).withNote("original"));
        // another writer changes the note directly
        raw.updateItem(
                b ->
                        b.tableName(orders.tableName())
                                .key(orderKey(c, "o1"))
                                .updateExpression("SET note = :n")
                                .expressionAttributeValues(
                                        Map.of(":n", AttributeValue.fromS("theirs"))));
        Order mine = Order.of(c, "o1", "PAID", 999).withNote("mine");
        orders.update(mine, "status");
        Order now = orders.get(c, "o1").orElseThrow();
        assertThat(now.status()).isEqualTo("PAID");
        assertThat(now.note()).isEqualTo("theirs");
        assertThat(now.totalCents()).isEqualTo(100);
    }

    @Test
    void update_skipsNullsByDefault_andRemovesThemWhenAsked() {
        String c = unique();
        orders.create(Order.of(c, "o1", "NEW", 100).withNote("note"));
        orders.update(Order.of(c, "o1", "NEW", 100), "note", "status");
        assertThat(orders.get(c, "o1").orElseThrow().note()).isEqualTo("note");
        orders.update(
                Order.of(c, "o1", "NEW", 100),
                WriteOptions.builder().nullHandling(NullHandling.REMOVE).build(),
                "note");
        assertThat(rawItem(orders, orderKey(c, "o1"))).doesNotContainKey("note");
    }

    @Test
    void update_returnsNewValuesWhenAsked() {
        String c = unique();
        orders.create(Order.of(c, "o1", "NEW", 100));
        WriteResult<Order> result =
                orders.update(
                        Order.of(c, "o1", "PAID", 100),
                        WriteOptions.builder().returnValue(ReturnValue.UPDATED_NEW).build(),
                        "status");
        assertThat(result.attributes()).containsOnlyKeys("status");
        assertThat(result.item().orElseThrow().status()).isEqualTo("PAID");
    }

    @Test
    void update_ofMissingItem_raisesItemNotFoundAndCreatesNothing() {
        String c = unique();
        assertThatThrownBy(() -> orders.update(Order.of(c, "o1", "PAID", 1), "status"))
                .isInstanceOf(ItemNotFoundException.class)
                .hasMessage(
                        "no item with key {customerId='"
                                + c
                                + "', orderId='o1'} in table '"
                                + orders.tableName()
                                + "' (model dev.dynamorm.it.model.Order) to update");
        assertThat(orders.get(c, "o1")).isEmpty();
    }

    @Test
    void update_withFailingCondition_raisesConditionFailed() {
        String c = unique();
        Order stored = Order.of(c, "o1", "NEW", 100);
        orders.create(stored);
        assertThatThrownBy(
                        () ->
                                orders.update(
                                        stored.withStatus("PAID"),
                                        WriteOptions.when(when("totalCents", ">", 500)),
                                        "status"))
                .isInstanceOfSatisfying(
                        ConditionFailedException.class,
                        e -> assertThat(e.storedModel(Order.class)).contains(stored));
        assertThat(orders.get(c, "o1")).contains(stored);
    }

    @Test
    void update_ofUnknownOrKeyField_failsBeforeSending() {
        Order o = Order.of(unique(), "o1", "NEW", 1);
        assertThatThrownBy(() -> orders.update(o, "stauts"))
                .isInstanceOf(UnknownFieldException.class)
                .hasMessageStartingWith(
                        "unknown field 'stauts' in model dev.dynamorm.it.model.Order: did you mean 'status'?");
        assertThatThrownBy(() -> orders.update(o, "orderId"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot update key field 'orderId' of model dev.dynamorm.it.model.Order: the key identifies "
                                + "the item (delete it and create a new one instead)");
    }

    @Test
    void delete_removesItem_andIsIdempotent() {
        String c = unique();
        Order o = Order.of(c, "o1", "NEW", 1);
        orders.create(o);
        WriteResult<Order> result =
                orders.delete(o, WriteOptions.builder().returnValue(ReturnValue.ALL_OLD).build());
        assertThat(result.item()).contains(o);
        assertThat(orders.get(c, "o1")).isEmpty();
        assertThat(orders.delete(o).item()).isEmpty();
    }

    @Test
    void delete_withFailingCondition_keepsItem() {
        String c = unique();
        Order o = Order.of(c, "o1", "NEW", 1);
        orders.create(o);
        assertThatThrownBy(
                        () ->
                                orders.delete(
                                        o,
                                        WriteOptions.when(
                                                Condition.when("status", "=", "CANCELLED"))))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(orders.get(c, "o1")).contains(o);
    }

    @Test
    void conditions_combineWithAndOrNotAndFunctions() {
        String c = unique();
        Order o = Order.of(c, "o1", "NEW", 100).withNote("gift");
        orders.create(o);
        Condition ok =
                when("status", "IN", List.of("NEW", "OPEN"))
                        .and(when("totalCents", "BETWEEN", List.of(50, 150)))
                        .and(when("note", "BEGINS_WITH", "gi").or(Condition.notExists("note")))
                        .and(when("items", "CONTAINS", "item"))
                        .and(when("status", "<>", "PAID").negate().negate());
        orders.put(o.withStatus("OPEN"), WriteOptions.when(ok));
        assertThat(orders.get(c, "o1").orElseThrow().status()).isEqualTo("OPEN");
        assertThatThrownBy(
                        () -> orders.put(o, WriteOptions.when(Condition.exists("note").negate())))
                .isInstanceOf(ConditionFailedException.class);
    }

    @Test
    void conditions_withBadInput_failBeforeSending() {
        Order o = Order.of(unique(), "o1", "NEW", 1);
        assertThatThrownBy(
                        () ->
                                orders.put(
                                        o,
                                        WriteOptions.when(
                                                when("totalCents", "BETWEEN", List.of(10, 5)))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "BETWEEN on field 'totalCents' of model dev.dynamorm.it.model.Order has low 10 greater than high 5");
        assertThatThrownBy(() -> orders.put(o, WriteOptions.when(when("status", "IN", List.of()))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "IN on field 'status' of model dev.dynamorm.it.model.Order needs 1 to 100 values, got 0");
        assertThatThrownBy(
                        () ->
                                orders.put(
                                        o,
                                        WriteOptions.when(when("totalCents", "BEGINS_WITH", "1"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "BEGINS_WITH needs a string or binary field, but 'totalCents' of model "
                                + "dev.dynamorm.it.model.Order is long");
        assertThatThrownBy(() -> orders.put(o, WriteOptions.when(when("totalCents", ">", "ten"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "value 'ten' (String) does not fit field 'totalCents' of model dev.dynamorm.it.model.Order, "
                                + "which is long");
        assertThat(orders.get(o.customerId(), "o1")).isEmpty();
    }

    @Test
    void query_byPartitionKey_returnsItemsInSortOrder_withSortKeyConditionAndFilter() {
        String c = unique();
        for (int i = 0; i < 5; i++) {
            orders.create(Order.of(c, "o" + i, i % 2 == 0 ? "NEW" : "PAID", i * 100L));
        }
        orders.create(Order.of(unique(), "o1", "NEW", 1));
        assertThat(orders.where("customerId", "=", c).all())
                .extracting(Order::orderId)
                .containsExactly("o0", "o1", "o2", "o3", "o4");
        assertThat(orders.where("customerId", "=", c).where("orderId", ">=", "o2").all())
                .extracting(Order::orderId)
                .containsExactly("o2", "o3", "o4");
        assertThat(orders.where("customerId", "=", c).where("status", "=", "NEW").all())
                .extracting(Order::orderId)
                .containsExactly("o0", "o2", "o4");
        assertThat(
                        orders.where("customerId", "=", c)
                                .where("orderId", "BEGINS_WITH", "o")
                                .where("totalCents", ">", 250)
                                .first())
                .map(Order::orderId)
                .contains("o3");
        assertThat(orders.where("customerId", "=", c).where("orderId", "=", "o4").first())
                .map(Order::totalCents)
                .contains(400L);
    }

    @Test
    void query_withoutPartitionKey_failsNamingFieldsAndKeys() {
        assertThatThrownBy(() -> orders.where("status", ">", "A").all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessage(
                        "query on model dev.dynamorm.it.model.Order needs a partition key bound with '=', but the "
                                + "conditions are [status >]; keys that can serve a query: [table: customerId + orderId, "
                                + "by-status: status + createdAt, by-total: customerId + totalCents]; or call allowScan() or scan() "
                                + "to read the whole table");
    }

    @Test
    void query_onUnknownField_suggestsNearestField() {
        assertThatThrownBy(() -> orders.where("custmerId", "=", "x").first())
                .isInstanceOf(UnknownFieldException.class)
                .hasMessage(
                        "unknown field 'custmerId' in model dev.dynamorm.it.model.Order: did you mean 'customerId'? "
                                + "fields are [customerId, orderId, status, createdAt, totalCents, items, note]");
    }

    @Test
    void nullItemAndNullKey_failBeforeSending() {
        assertThatThrownBy(() -> orders.create(null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("create of a null dev.dynamorm.it.model.Order");
        assertThatThrownBy(() -> orders.put(Order.of(null, "o1", "NEW", 1)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "partition key 'customerId' of model dev.dynamorm.it.model.Order is null: every item needs "
                                + "its key");
    }
}
