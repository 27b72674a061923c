package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Page;
import dev.dynamorm.Plugin;
import dev.dynamorm.QueryModifier;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Query modifiers (per query and registered by a plugin), run on every backend by subclasses. */
@DynamoBackend(models = Order.class)
abstract class QueryModifiersSuite {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Reusable named modifiers, as a user writes them. */
    static QueryModifier<Order> notCancelled() {
        return QueryModifier.of("notCancelled", q -> q.filter("status", "<>", "CANCELLED"));
    }

    static QueryModifier<Order> createdAfter(Instant t) {
        return QueryModifier.of("createdAfter", q -> q.where("createdAt", ">", t));
    }

    /** Hides orders with a note "hidden" from every query of Order. */
    static final class HidesNoted implements Plugin {
        @Override
        public String name() {
            return "hides-noted";
        }

        @Override
        public <T> List<QueryModifier<T>> queryModifiers(Class<T> modelType, ModelInfo model) {
            return modelType == Order.class
                    ? List.of(QueryModifier.of("notHidden", q -> q.filter("note", "<>", "hidden")))
                    : List.of();
        }
    }

    private DynamORM db;
    private Table<Order> orders;
    private DynamoDbClient client;
    private BackendContext backend;
    private String customer;

    @BeforeEach
    void setUp(DynamORM db, DynamoDbClient client, BackendContext backend) {
        this.db = db;
        this.client = client;
        this.backend = backend;
        this.orders = db.table(Order.class);
        this.customer = UUID.randomUUID().toString();
        String[] statuses = {"PAID", "CANCELLED", "PAID", "NEW", "PAID"};
        for (int i = 0; i < statuses.length; i++) {
            Order o = Order.of(customer, "o" + i, statuses[i], 100 * i);
            orders.put(
                    new Order(
                            customer,
                            o.orderId(),
                            o.status(),
                            T0.plusSeconds(60L * i),
                            o.totalCents(),
                            o.items(),
                            i == 4 ? "hidden" : null));
        }
    }

    private static List<String> ids(List<Order> list) {
        return list.stream().map(Order::orderId).sorted().toList();
    }

    @Test
    void namedModifiers_filterAndNarrowTheKey_andShowInExplain() {
        var q = orders.where("customerId", "=", customer).with(notCancelled());
        assertThat(ids(q.all())).containsExactly("o0", "o2", "o3", "o4");
        assertThat(q.count()).isEqualTo(4);

        var paidRecently =
                orders.where("status", "=", "PAID")
                        .with(createdAfter(T0.plusSeconds(30)))
                        // by-status projects these; the other fields are not read
                        .select("customerId", "orderId", "status", "createdAt", "totalCents");
        QueryPlan plan = paidRecently.explain();
        assertThat(plan.indexName()).contains("by-status");
        // the modifier's condition on the index sort key became part of the key condition
        assertThat(plan.keyCondition()).contains("#n0 = :v0 AND #n1 > :v1");
        assertThat(plan.expressionValues().get(":v1"))
                .isEqualTo(
                        orders.toItem(
                                        new Order(
                                                "c",
                                                "o",
                                                "s",
                                                T0.plusSeconds(30),
                                                0,
                                                List.of(),
                                                null))
                                .get("createdAt"));
        assertThat(plan.modifiers())
                .containsExactly(new QueryPlan.Modifier("createdAfter", Optional.empty()));
        assertThat(
                        paidRecently.all().stream()
                                .filter(o -> o.customerId().equals(customer))
                                .map(Order::orderId)
                                .sorted()
                                .toList())
                .containsExactly("o2", "o4");
    }

    @Test
    void pluginModifier_appliesToEveryQueryAndScan_andPagesStayConsistent() {
        try (DynamORM withPlugin =
                DynamORM.builder()
                        .client(client)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(new HidesNoted())
                        .build()) {
            Table<Order> t = withPlugin.table(Order.class);
            assertThat(ids(t.where("customerId", "=", customer).all()))
                    .containsExactly("o0", "o1", "o2", "o3");
            assertThat(
                            t.query().scan().stream()
                                    .filter(o -> o.customerId().equals(customer))
                                    .map(Order::orderId))
                    .doesNotContain("o4")
                    .hasSize(4);
            assertThat(t.where("customerId", "=", customer).where("orderId", "=", "o4").first())
                    .isEmpty();
            var q = t.where("customerId", "=", customer).with(notCancelled()).limit(2);
            Page<Order> first = q.page();
            assertThat(ids(first.items())).containsExactly("o0", "o2");
            assertThat(ids(q.after(first.cursor()).page().items())).containsExactly("o3");
            QueryPlan plan = q.explain();
            assertThat(plan.modifiers().stream().map(QueryPlan.Modifier::toString))
                    .containsExactly("notHidden (plugin hides-noted)", "notCancelled");
            assertThat(plan.expressionValues()).containsValue(AttributeValue.fromS("hidden"));
        }
        // the instance without the plugin still sees every order
        assertThat(ids(db.table(Order.class).where("customerId", "=", customer).all())).hasSize(5);
    }
}
