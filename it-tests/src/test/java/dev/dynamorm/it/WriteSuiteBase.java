package dev.dynamorm.it;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Account;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the write suites share: a DynamORM on a settable clock, their tables, and raw reads. */
@DynamoBackend(models = {Account.class, Order.class})
abstract class WriteSuiteBase {

    /** In the future, so that no server's TTL sweep deletes the test's items. */
    static final Instant T0 =
            Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    DynamoDbClient raw;
    TestClock clock;
    DynamORM db;
    Table<Account> accounts;
    Table<Order> orders;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.clock = new TestClock(T0);
        this.db =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .clock(clock)
                        .build();
        this.accounts = db.table(Account.class);
        this.orders = db.table(Order.class);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }

    Map<String, AttributeValue> rawItem(Table<?> table, Map<String, AttributeValue> key) {
        return raw.getItem(b -> b.tableName(table.tableName()).key(key).consistentRead(true))
                .item();
    }

    Map<String, AttributeValue> account(String id) {
        return rawItem(accounts, Map.of("id", AttributeValue.fromS(id)));
    }
}
