package dev.dynamorm.spring.boot.autoconfigure.observability;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * UP when every model table answers DescribeTable and is ACTIVE (or, with no model tables, when
 * ListTables answers); DOWN with the failure otherwise.
 */
final class DynamORMHealthIndicator extends AbstractHealthIndicator {

    private final DynamORM db;
    private final List<Table<?>> tables;

    DynamORMHealthIndicator(DynamORM db, List<Table<?>> tables) {
        super("DynamoDB health check failed");
        this.db = db;
        this.tables = List.copyOf(tables);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (tables.isEmpty()) {
            db.client().listTables(r -> r.limit(1));
            builder.up();
            return;
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        boolean allActive = true;
        for (Table<?> table : tables) {
            TableDescription d =
                    db.client().describeTable(r -> r.tableName(table.tableName())).table();
            statuses.put(d.tableName(), d.tableStatusAsString());
            allActive &= "ACTIVE".equals(d.tableStatusAsString());
        }
        (allActive ? builder.up() : builder.outOfService()).withDetail("tables", statuses);
    }
}
