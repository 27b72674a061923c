package dev.dynamorm.engine.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Table;
import dev.dynamorm.WriteOptions;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries and conditional writes share one set of condition type rules: {@code CONTAINS} on a
 * number field is refused before anything is sent on both paths (it was sent in conditional writes,
 * where DynamoDB evaluates it as false).
 */
final class ConditionTypeRulesTest {

    @DynamoTable("stock")
    record Stock(@PartitionKey String id, int qty, String name) {}

    private static final String REFUSED =
            "CONTAINS needs a string, binary, set or list field, but 'qty' of model "
                    + Stock.class.getName()
                    + " is int";

    private static LocalDynamoDb local;
    private static DynamORM db;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        db = DynamORM.builder().client(local.client()).build();
        db.table(Stock.class).createTable();
    }

    @AfterAll
    static void stop() {
        db.close();
        local.close();
    }

    private static Table<Stock> stock() {
        return db.table(Stock.class);
    }

    @Test
    void containsOnNumber_inQueryFilter_isRefused() {
        stock().put(new Stock("q", 5, "bolt"));

        assertThatThrownBy(() -> stock().where("id", "=", "q").filter("qty", "CONTAINS", 5).all())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(REFUSED);
    }

    @Test
    void containsOnNumber_inConditionalPut_isRefusedAndNothingWritten() {
        stock().put(new Stock("p", 5, "nut"));

        assertThatThrownBy(
                        () ->
                                stock().put(
                                                new Stock("p", 6, "changed"),
                                                WriteOptions.when(
                                                        Condition.when("qty", "CONTAINS", 5))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(REFUSED);
        assertThat(stock().where("id", "=", "p").first()).contains(new Stock("p", 5, "nut"));
    }

    @Test
    void containsOnNumber_inUpdateCondition_isRefusedAndNothingWritten() {
        stock().put(new Stock("u", 5, "washer"));

        assertThatThrownBy(
                        () ->
                                stock().where("id", "=", "u")
                                        .update(
                                                u ->
                                                        u.set("name", "changed")
                                                                .when("qty", "CONTAINS", 5)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage(REFUSED);
        assertThat(stock().where("id", "=", "u").first()).contains(new Stock("u", 5, "washer"));
    }
}
