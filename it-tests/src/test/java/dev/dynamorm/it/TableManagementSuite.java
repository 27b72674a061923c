package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dynamorm.CreateTableOptions;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.TableInUseException;
import dev.dynamorm.TableNotFoundException;
import dev.dynamorm.it.model.Customer;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.it.model.Session;
import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Creating, describing, comparing and deleting tables from models. */
@DynamoBackend
abstract class TableManagementSuite {

    private DynamORM db;
    private DynamoDbClient raw;
    private BackendContext backend;

    @BeforeEach
    void setUp(DynamORM db, DynamoDbClient raw, BackendContext backend) {
        this.db = db;
        this.raw = raw;
        this.backend = backend;
    }

    @Test
    void createTable_buildsKeysIndexesAndProjectionsFromTheModel() {
        Table<Order> orders = db.table(Order.class);
        assertThat(orders.tableExists()).isFalse();
        orders.createTable();
        TableDescription d = orders.describeTable();
        assertThat(d.tableName()).isEqualTo(backend.tableName("orders"));
        assertThat(d.keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("customerId:HASH", "orderId:RANGE");
        assertThat(d.attributeDefinitions())
                .extracting(a -> a.attributeName() + ":" + a.attributeType())
                .containsExactlyInAnyOrder(
                        "customerId:S", "orderId:S", "status:S", "createdAt:S", "totalCents:N");
        GlobalSecondaryIndexDescription gsi = d.globalSecondaryIndexes().get(0);
        assertThat(gsi.indexName()).isEqualTo("by-status");
        assertThat(gsi.keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("status:HASH", "createdAt:RANGE");
        assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(gsi.projection().nonKeyAttributes()).containsExactly("totalCents");
        LocalSecondaryIndexDescription lsi = d.localSecondaryIndexes().get(0);
        assertThat(lsi.indexName()).isEqualTo("by-total");
        assertThat(lsi.keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("customerId:HASH", "totalCents:RANGE");
        assertThat(lsi.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(orders.drift().matches()).as(orders.drift().differences().toString()).isTrue();
        assertThatThrownBy(orders::createTable).isInstanceOf(TableInUseException.class);
        orders.deleteTable();
        assertThat(orders.tableExists()).isFalse();
    }

    @Test
    void createTableIfMissing_createsOnceThenFindsIt() {
        Table<Customer> customers = db.table(Customer.class);
        assertThat(customers.createTableIfMissing()).isTrue();
        assertThat(customers.createTableIfMissing()).isFalse();
        customers.create(new Customer("c1", "Ada", "a@x", 1));
        assertThat(customers.get("c1")).isPresent();
        customers.deleteTable();
    }

    @Test
    void provisionedBilling_setsThroughputOnTableAndIndexes() {
        Table<Order> orders = db.table(Order.class);
        orders.createTable(CreateTableOptions.provisioned(3, 4));
        TableDescription d = orders.describeTable();
        assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
        assertThat(d.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits())
                .isEqualTo(4);
        orders.deleteTable();
    }

    @Test
    void ttlModel_enablesTimeToLiveOnItsAttribute_andStoresEpochSeconds() {
        assumeThat(backend.backend())
                .as("dynalite does not implement UpdateTimeToLive")
                .isNotEqualTo(Backend.DYNALITE);
        Table<Session> sessions = db.table(Session.class);
        sessions.createTable();
        var ttl =
                raw.describeTimeToLive(b -> b.tableName(sessions.tableName()))
                        .timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus())
                .isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
        Instant expiry = Instant.parse("2099-01-01T00:00:00Z");
        sessions.create(new Session("t1", "ada", expiry));
        Map<String, AttributeValue> stored =
                raw.getItem(
                                b ->
                                        b.tableName(sessions.tableName())
                                                .key(Map.of("token", AttributeValue.fromS("t1"))))
                        .item();
        assertThat(stored.get("expiresAt").n()).isEqualTo(String.valueOf(expiry.getEpochSecond()));
        assertThat(sessions.get("t1").orElseThrow().expiresAt()).isEqualTo(expiry);
        assertThat(sessions.drift().matches())
                .as(sessions.drift().differences().toString())
                .isTrue();
        sessions.deleteTable();
    }

    @Test
    // the SDK's Consumer<Builder>... overloads are not @SafeVarargs
    @SuppressWarnings("unchecked")
    void drift_reportsHowAnExistingTableDiffersFromTheModel() {
        String name = backend.tableName("orders");
        raw.createTable(
                b ->
                        b.tableName(name)
                                .keySchema(
                                        k -> k.attributeName("customerId").keyType(KeyType.HASH),
                                        k -> k.attributeName("orderId").keyType(KeyType.RANGE))
                                .attributeDefinitions(
                                        a ->
                                                a.attributeName("customerId")
                                                        .attributeType(ScalarAttributeType.S),
                                        a ->
                                                a.attributeName("orderId")
                                                        .attributeType(ScalarAttributeType.N))
                                .billingMode("PAY_PER_REQUEST"));
        Table<Order> orders = db.table(Order.class);
        assertThat(orders.drift().differences())
                .containsExactly(
                        "attribute 'orderId' is N in the table but S in the model",
                        "global index 'by-status' is in the model but not in the table",
                        "local index 'by-total' is in the model but not in the table");
        orders.deleteTable();
    }

    @Test
    void operationsOnMissingTable_raiseTableNotFound() {
        Table<Customer> customers = db.table(Customer.class);
        assertThatThrownBy(customers::describeTable)
                .isInstanceOf(TableNotFoundException.class)
                .hasMessage(
                        "table '"
                                + backend.tableName("customers")
                                + "' (model dev.dynamorm.it.model.Customer) does "
                                + "not exist: create it with createTable() or createTableIfMissing()");
        assertThatThrownBy(() -> customers.get("x")).isInstanceOf(TableNotFoundException.class);
    }
}
