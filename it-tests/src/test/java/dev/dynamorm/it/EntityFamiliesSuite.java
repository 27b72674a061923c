package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Key;
import dev.dynamorm.OptimisticLockException;
import dev.dynamorm.ReturnValue;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.shop.ShopClick;
import dev.dynamorm.it.model.shop.ShopCustomer;
import dev.dynamorm.it.model.shop.ShopEvent;
import dev.dynamorm.it.model.shop.ShopItem;
import dev.dynamorm.it.model.shop.ShopNote;
import dev.dynamorm.it.model.shop.ShopOrder;
import dev.dynamorm.it.model.shop.UnknownShopEvent;
import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Entity families (issue 17.1): a sealed interface with {@code @DynamoTable} stores every member in
 * one table with a discriminator attribute, reads each item back as its own type, and a member's
 * own table sees only that member's items. Run on every backend by the subclasses.
 */
@DynamoBackend(models = {ShopItem.class, ShopEvent.class})
abstract class EntityFamiliesSuite {

    private DynamORM db;
    private BackendContext backend;
    private DynamoDbClient raw;
    private Table<ShopItem> shop;
    private Table<ShopOrder> orders;
    private Table<ShopEvent> events;

    @BeforeEach
    void setUp(DynamORM db, DynamoDbClient raw, BackendContext backend) {
        this.db = db;
        this.backend = backend;
        this.raw = raw;
        this.shop = db.table(ShopItem.class);
        this.orders = db.table(ShopOrder.class);
        this.events = db.table(ShopEvent.class);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private Map<String, AttributeValue> rawItem(Table<?> table, String pk, String sk) {
        return raw.getItem(
                        b ->
                                b.tableName(table.tableName())
                                        .key(
                                                Map.of(
                                                        "PK",
                                                        AttributeValue.fromS(pk),
                                                        "SK",
                                                        AttributeValue.fromS(sk)))
                                        .consistentRead(true))
                .item();
    }

    private void putRaw(Table<?> table, Map<String, AttributeValue> item) {
        raw.putItem(b -> b.tableName(table.tableName()).item(item));
    }

    @Test
    void family_writesEveryMemberWithItsDiscriminator_andReadsEachBackAsItsType() {
        String p = unique();
        ShopCustomer customer = new ShopCustomer(p, "CUSTOMER", "Ada", "ada@example.com");
        ShopOrder order = new ShopOrder(p, "ORDER#1", "first order", 1250, "NEW");
        ShopNote note = new ShopNote(p, "NOTE#1", "call back");
        shop.put(customer);
        shop.put(order);
        shop.put(note);

        Map<String, AttributeValue> storedOrder = rawItem(shop, p, "ORDER#1");
        assertThat(storedOrder)
                .containsOnlyKeys("PK", "SK", "kind", "name", "totalCents", "status")
                .containsEntry("kind", AttributeValue.fromS("ORDER"))
                .containsEntry("totalCents", AttributeValue.fromN("1250"));
        assertThat(rawItem(shop, p, "CUSTOMER"))
                .containsOnlyKeys("PK", "SK", "kind", "name", "email")
                .containsEntry("kind", AttributeValue.fromS("CUSTOMER"));
        assertThat(rawItem(shop, p, "NOTE#1"))
                .containsOnlyKeys("PK", "SK", "kind", "text")
                .containsEntry("kind", AttributeValue.fromS("ShopNote"));

        assertThat(shop.get(p, "CUSTOMER"))
                .containsInstanceOf(ShopCustomer.class)
                .contains(customer);
        assertThat(shop.get(p, "ORDER#1")).contains(order);
        assertThat(shop.get(p, "NOTE#1")).contains(note);
    }

    @Test
    void family_queryOfOnePartition_returnsEveryMemberTypeInKeyOrder() {
        String p = unique();
        ShopCustomer customer = new ShopCustomer(p, "CUSTOMER", "Ada", "ada@example.com");
        ShopOrder first = new ShopOrder(p, "ORDER#1", "first", 100, "NEW");
        ShopOrder second = new ShopOrder(p, "ORDER#2", "second", 200, "PAID");
        ShopNote note = new ShopNote(p, "NOTE#1", "call back");
        for (ShopItem item : List.of(customer, first, second, note)) {
            shop.create(item);
        }

        List<ShopItem> all = shop.where("pk", "=", p).all();

        assertThat(all).containsExactly(customer, note, first, second);
        long cents = 0;
        for (ShopItem item : all) {
            if (item instanceof ShopOrder o) {
                cents += o.totalCents();
            }
        }
        assertThat(cents).isEqualTo(300);
        assertThat(shop.where("pk", "=", p).count()).isEqualTo(4);
    }

    @Test
    void member_writesItsDiscriminator_andQueriesOnlyItsOwnItems() {
        String p = unique();
        shop.put(new ShopCustomer(p, "CUSTOMER", "Ada", "ada@example.com"));
        shop.put(new ShopNote(p, "NOTE#1", "call back"));
        ShopOrder order = new ShopOrder(p, "ORDER#1", "first", 100, "NEW");
        orders.create(order);

        assertThat(rawItem(orders, p, "ORDER#1"))
                .containsEntry("kind", AttributeValue.fromS("ORDER"));
        assertThat(orders.where("pk", "=", p).all()).containsExactly(order);
        assertThat(orders.where("pk", "=", p).count()).isEqualTo(1);
        assertThat(orders.get(p, "ORDER#1")).contains(order);
        assertThat(shop.get(p, "ORDER#1")).contains(order);
    }

    @Test
    void member_readByKeyOfAnotherMembersItem_failsNamingWhatIsStored() {
        String p = unique();
        shop.put(new ShopCustomer(p, "CUSTOMER", "Ada", "ada@example.com"));

        assertThatThrownBy(() -> orders.get(p, "CUSTOMER"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot read a stored item as dev.dynamorm.it.model.shop.ShopOrder: its discriminator "
                                + "attribute 'kind' is 'CUSTOMER', not 'ORDER' (the item is a ShopCustomer); "
                                + "read mixed items through db.table(ShopItem.class)");
    }

    @Test
    void family_itemWithUnknownDiscriminator_failsToReadNamingTheValue() {
        String p = unique();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(p));
        item.put("SK", AttributeValue.fromS("REFUND#1"));
        item.put("kind", AttributeValue.fromS("REFUND"));
        putRaw(shop, item);

        assertThatThrownBy(() -> shop.get(p, "REFUND#1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(
                        "cannot read a stored item as entity family "
                                + "dev.dynamorm.it.model.shop.ShopItem: its discriminator attribute 'kind' is "
                                + "'REFUND', which names no member (known values: [CUSTOMER, ORDER, ShopNote]); "
                                + "add a member with @Discriminator(\"...\") or mark one "
                                + "@Discriminator(fallback = true)");
        item.remove("kind");
        item.put("SK", AttributeValue.fromS("NONE#1"));
        putRaw(shop, item);
        assertThatThrownBy(() -> shop.get(p, "NONE#1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("its discriminator attribute 'kind' is absent");
    }

    private Map<String, AttributeValue> rawEvent(String id) {
        return raw.getItem(
                        b ->
                                b.tableName(events.tableName())
                                        .key(Map.of("id", AttributeValue.fromS(id)))
                                        .consistentRead(true))
                .item();
    }

    @Test
    void family_withFallback_readsUnknownDiscriminatorsAsTheFallback() {
        String id = unique();
        events.put(new ShopClick(id + "-click", "/cart", 0));
        events.put(new UnknownShopEvent(id + "-own", 0));
        putRaw(
                events,
                Map.of(
                        "id",
                        AttributeValue.fromS(id + "-future"),
                        "_type",
                        AttributeValue.fromS("PURCHASE"),
                        "amount",
                        AttributeValue.fromN("5")));

        assertThat(events.get(id + "-click")).contains(new ShopClick(id + "-click", "/cart", 1));
        assertThat(events.get(id + "-future")).contains(new UnknownShopEvent(id + "-future", 0));
        assertThat(events.get(id + "-own")).contains(new UnknownShopEvent(id + "-own", 1));
        assertThat(rawEvent(id + "-own")).containsEntry("_type", AttributeValue.fromS("UNKNOWN"));
        assertThat(rawEvent(id + "-click"))
                .containsEntry("_type", AttributeValue.fromS("ShopClick"));
    }

    @Test
    void family_versionField_isWrittenAndCheckedForEveryMember() {
        String id = unique();
        events.create(new ShopClick(id, "/cart", 0));
        assertThat(rawEvent(id))
                .containsEntry("version", AttributeValue.fromN("1"))
                .containsEntry("_type", AttributeValue.fromS("ShopClick"));

        events.put(new ShopClick(id, "/checkout", 1));

        assertThat(events.get(id)).contains(new ShopClick(id, "/checkout", 2));
        assertThatThrownBy(() -> events.put(new ShopClick(id, "/stale", 1)))
                .isInstanceOf(OptimisticLockException.class);
        assertThat(rawEvent(id)).containsEntry("page", AttributeValue.fromS("/checkout"));
    }

    @Test
    void family_indexDeclaredByOneMember_servesTheFamilyQuery() {
        String p = unique();
        String email = p + "@example.com";
        ShopCustomer customer = new ShopCustomer(p, "CUSTOMER", "Ada", email);
        shop.put(customer);
        shop.put(new ShopOrder(p, "ORDER#1", "first", 100, "NEW"));

        assertThat(shop.where("email", "=", email).explain().indexName()).contains("by-email");
        assertThat(shop.where("email", "=", email).all()).containsExactly(customer);
    }

    @Test
    void family_batchPut_writesEachMembersDiscriminator_andBatchGetReadsEachType() {
        String p = unique();
        ShopCustomer customer = new ShopCustomer(p, "CUSTOMER", "Ada", "ada@example.com");
        ShopNote note = new ShopNote(p, "NOTE#1", "call back");
        ShopOrder order = new ShopOrder(p, "ORDER#1", "first", 100, "NEW");
        shop.batchPut(List.of(customer, note, order));

        assertThat(rawItem(shop, p, "CUSTOMER"))
                .containsEntry("kind", AttributeValue.fromS("CUSTOMER"));
        assertThat(rawItem(shop, p, "NOTE#1"))
                .containsEntry("kind", AttributeValue.fromS("ShopNote"));
        assertThat(rawItem(shop, p, "ORDER#1"))
                .containsEntry("kind", AttributeValue.fromS("ORDER"));
        assertThat(
                        shop.batchGet(
                                        List.of(
                                                Key.of(p, "ORDER#1"),
                                                Key.of(p, "CUSTOMER"),
                                                Key.of(p, "NOTE#1")))
                                .items())
                .containsExactly(order, customer, note);
    }

    @Test
    void family_transaction_writesEachMembersDiscriminator() {
        assumeThat(backend.backend())
                .as("dynalite does not implement TransactWriteItems")
                .isNotEqualTo(Backend.DYNALITE);
        String p = unique();
        ShopCustomer customer = new ShopCustomer(p, "CUSTOMER", "Ada", "ada@example.com");
        ShopOrder order = new ShopOrder(p, "ORDER#1", "first", 100, "NEW");

        db.transaction(tx -> tx.create(customer).create(order));

        assertThat(rawItem(shop, p, "CUSTOMER"))
                .containsEntry("kind", AttributeValue.fromS("CUSTOMER"));
        assertThat(rawItem(shop, p, "ORDER#1"))
                .containsEntry("kind", AttributeValue.fromS("ORDER"));
        assertThat(shop.where("pk", "=", p).all()).containsExactly(customer, order);
    }

    @Test
    void family_selectOfSomeFields_stillReadsEachItemAsItsType() {
        String p = unique();
        shop.put(new ShopCustomer(p, "CUSTOMER", "Ada", "ada@example.com"));
        shop.put(new ShopOrder(p, "ORDER#1", "first", 100, "NEW"));

        assertThat(shop.where("pk", "=", p).select("pk", "sk", "name").all())
                .containsExactly(
                        new ShopCustomer(p, "CUSTOMER", "Ada", null),
                        new ShopOrder(p, "ORDER#1", "first", 0, null));
        assertThat(orders.where("pk", "=", p).select("pk", "sk", "status").all())
                .containsExactly(new ShopOrder(p, "ORDER#1", null, 0, "NEW"));
    }

    @Test
    void family_updateBuilder_changesOneMember_andReturnsItAsItsType() {
        String p = unique();
        ShopOrder order = new ShopOrder(p, "ORDER#1", "first", 100, "NEW");
        shop.put(order);
        shop.put(new ShopCustomer(p, "CUSTOMER", "Ada", "ada@example.com"));

        ShopItem updated =
                shop.where("pk", "=", p)
                        .where("sk", "=", "ORDER#1")
                        .update(u -> u.set("status", "PAID").returnValue(ReturnValue.ALL_NEW))
                        .item()
                        .orElseThrow();

        assertThat(updated).isEqualTo(new ShopOrder(p, "ORDER#1", "first", 100, "PAID"));
        assertThat(rawItem(shop, p, "ORDER#1"))
                .containsEntry("status", AttributeValue.fromS("PAID"))
                .containsEntry("kind", AttributeValue.fromS("ORDER"));
        assertThat(orders.update(new ShopOrder(p, "ORDER#1", "first", 300, "PAID"), "totalCents"))
                .isNotNull();
        assertThat(shop.get(p, "ORDER#1"))
                .contains(new ShopOrder(p, "ORDER#1", "first", 300, "PAID"));
    }
}
