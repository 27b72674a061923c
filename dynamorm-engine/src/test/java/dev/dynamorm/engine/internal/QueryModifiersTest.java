package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.Page;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginException;
import dev.dynamorm.QueryModifier;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Query modifiers: per query with {@code with(..)}, per model from a plugin, shown by explain. */
final class QueryModifiersTest {

    private static LocalDynamoDb local;

    @DynamoTable("docs")
    record Doc(
            @PartitionKey String owner,
            @SortKey String id,
            String status,
            String kind,
            Instant createdAt) {}

    @DynamoTable("notes")
    record Note(@PartitionKey String id, String text) {}

    /** Reusable named modifiers, written the way a user writes them. */
    static QueryModifier<Doc> activeOnly() {
        return QueryModifier.of("activeOnly", q -> q.filter("status", "=", "ACTIVE"));
    }

    static QueryModifier<Doc> createdAfter(Instant t) {
        return QueryModifier.of("createdAfter", q -> q.filter("createdAt", ">", t));
    }

    static QueryModifier<Doc> kindIn(String a, String b) {
        return QueryModifier.of("kindIn", q -> q.filter("kind", "=", a).or("kind", "=", b));
    }

    /** Registers a "not archived" filter on Doc only, and counts how often it is asked. */
    static final class HidesArchived implements Plugin {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public String name() {
            return "hides-archived";
        }

        @Override
        public <T> List<QueryModifier<T>> queryModifiers(Class<T> modelType, ModelInfo model) {
            asked.incrementAndGet();
            if (!model.attributeNames().containsKey("status")) {
                return List.of();
            }
            return List.of(
                    QueryModifier.of("notArchived", q -> q.filter("status", "<>", "ARCHIVED")));
        }
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            docs.createTable();
            docs.put(new Doc("ann", "1", "ACTIVE", "a", T0));
            docs.put(new Doc("ann", "2", "ACTIVE", "b", T0.plusSeconds(60)));
            docs.put(new Doc("ann", "3", "DRAFT", "a", T0.plusSeconds(120)));
            docs.put(new Doc("ann", "4", "ARCHIVED", "c", T0.plusSeconds(180)));
            docs.put(new Doc("ann", "5", "ACTIVE", "c", T0.plusSeconds(240)));
            docs.put(new Doc("bob", "1", "ACTIVE", "a", T0));
            db.table(Note.class).createTable();
            db.table(Note.class).put(new Note("n1", "hello"));
        }
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static List<String> ids(List<Doc> docs) {
        return docs.stream().map(d -> d.owner() + "/" + d.id()).sorted().toList();
    }

    @Test
    void with_namedModifiers_filterEveryTerminalCall_andShowInExplain() {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            var q = docs.where("owner", "=", "ann").with(activeOnly());
            assertThat(ids(q.all())).containsExactly("ann/1", "ann/2", "ann/5");
            assertThat(q.count()).isEqualTo(3);
            assertThat(ids(q.stream().toList())).containsExactly("ann/1", "ann/2", "ann/5");
            assertThat(ids(q.allowScan().scan())).containsExactly("ann/1", "ann/2", "ann/5");
            assertThat(ids(docs.query().with(activeOnly()).parallelScan(2)))
                    .containsExactly("ann/1", "ann/2", "ann/5", "bob/1");
            var both = q.with(createdAfter(T0));
            assertThat(ids(both.all())).containsExactly("ann/2", "ann/5");

            QueryPlan plan = both.explain();
            assertThat(plan.modifiers())
                    .containsExactly(
                            new QueryPlan.Modifier("activeOnly", Optional.empty()),
                            new QueryPlan.Modifier("createdAfter", Optional.empty()));
            assertThat(plan.keyCondition()).contains("#n0 = :v0");
            assertThat(plan.filter()).contains("#n1 = :v1 AND #n2 > :v2");
            // the Instant went through the field's converter like any where(..) value
            assertThat(plan.expressionValues().get(":v2"))
                    .isEqualTo(docs.toItem(new Doc("x", "y", null, null, T0)).get("createdAt"));
            assertThat(plan.describe(false))
                    .contains("\n  modifiers: activeOnly, createdAfter\n")
                    .contains("filter: #n1 = :v1 AND #n2 > :v2");
        }
    }

    @Test
    void with_orInsideModifier_combinesOnlyItsOwnConditions() {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            // status = ACTIVE AND (kind = a OR kind = b): the modifier's or(..) cannot widen the
            // query's status condition
            var q = docs.where("owner", "=", "ann").where("status", "=", "ACTIVE");
            assertThat(ids(q.with(kindIn("a", "b")).all())).containsExactly("ann/1", "ann/2");
            // and a user's or(..) after with(..) combines with the user's last condition only
            var r =
                    docs.where("owner", "=", "ann")
                            .where("kind", "=", "a")
                            .with(activeOnly())
                            .or("kind", "=", "c");
            assertThat(ids(r.all())).containsExactly("ann/1", "ann/5");
        }
    }

    @Test
    void pluginModifier_appliesToEveryQueryAndScanOfItsModel_first_andNamedInExplain() {
        HidesArchived plugin = new HidesArchived();
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .discoverPlugins(false)
                        .plugin(plugin)
                        .build()) {
            Table<Doc> docs = db.table(Doc.class);
            assertThat(ids(docs.where("owner", "=", "ann").all()))
                    .containsExactly("ann/1", "ann/2", "ann/3", "ann/5");
            assertThat(ids(docs.scan())).doesNotContain("ann/4").hasSize(5);
            // a full-key lookup becomes a Query with the modifier's filter
            QueryPlan get = docs.where("owner", "=", "ann").where("id", "=", "4").explain();
            assertThat(get.operation()).isEqualTo(Operation.QUERY);
            assertThat(docs.where("owner", "=", "ann").where("id", "=", "4").first()).isEmpty();

            QueryPlan plan = docs.where("owner", "=", "ann").with(activeOnly()).explain();
            assertThat(plan.modifiers().stream().map(QueryPlan.Modifier::toString))
                    .containsExactly("notArchived (plugin hides-archived)", "activeOnly");
            assertThat(plan.filter()).contains("#n1 <> :v1 AND #n1 = :v2");
            assertThat(plan.describe(true))
                    .contains("modifiers: notArchived (plugin hides-archived), activeOnly");

            // other models are untouched: the plugin returned nothing for Note
            Table<Note> notes = db.table(Note.class);
            QueryPlan note = notes.where("id", "=", "n1").explain();
            assertThat(note.operation()).isEqualTo(Operation.GET);
            assertThat(note.modifiers()).isEmpty();
            assertThat(note.describe(false)).doesNotContain("modifiers");
            // asked once per model, not per query
            docs.where("owner", "=", "bob").all();
            assertThat(plugin.asked.get()).isEqualTo(2);
        }
    }

    @Test
    void modifiers_keepPagingWorking() {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            var q = docs.where("owner", "=", "ann").with(activeOnly()).limit(2);
            Page<Doc> first = q.page();
            assertThat(ids(first.items())).containsExactly("ann/1", "ann/2");
            Page<Doc> second = q.after(first.cursor()).page();
            assertThat(ids(second.items())).containsExactly("ann/5");
        }
    }

    @Test
    void nestedWith_insideModifier_isApplied_andNamed() {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            QueryModifier<Doc> recentActive =
                    QueryModifier.of(
                            "recentActive", q -> q.with(activeOnly()).with(createdAfter(T0)));
            var q = docs.where("owner", "=", "ann").with(recentActive);
            assertThat(ids(q.all())).containsExactly("ann/2", "ann/5");
            assertThat(q.explain().modifiers().stream().map(QueryPlan.Modifier::name))
                    .containsExactly("recentActive", "activeOnly", "createdAfter");

            AtomicReference<QueryModifier<Doc>> self = new AtomicReference<>();
            self.set(QueryModifier.of("loop", x -> x.with(self.get())));
            assertThatThrownBy(() -> docs.query().with(self.get()).all())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "query modifier 'loop' of model "
                                    + Doc.class.getName()
                                    + " is nested more than 8 deep: a modifier applies itself"
                                    + " through with(..)?");
        }
    }

    @Test
    void badModifiers_failClearly_beforeSending() {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            QueryModifier<Doc> runs =
                    QueryModifier.of("runs", q -> q.limit(1).all().isEmpty() ? q : q);
            assertThatThrownBy(() -> docs.query().with(runs).all())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "a query modifier must only amend the query it is given and return it;"
                                    + " a terminal call (first, all, page, ...) inside a modifier is"
                                    + " not allowed");
            QueryModifier<Doc> other =
                    QueryModifier.of("other", q -> docs.where("owner", "=", "x"));
            assertThatThrownBy(() -> docs.query().with(other).first())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "query modifier 'other' of model "
                                    + Doc.class.getName()
                                    + " returned another query; it must return the query it was"
                                    + " given, amended (e.g. q -> q.filter(..))");
            QueryModifier<Doc> nul = QueryModifier.of("nul", q -> null);
            assertThatThrownBy(() -> docs.query().with(nul).explain())
                    .hasMessageContaining("query modifier 'nul' of model")
                    .hasMessageContaining("returned null");
            QueryModifier<Doc> unknown = QueryModifier.of("unknown", q -> q.filter("nope", "=", 1));
            assertThatThrownBy(() -> docs.where("owner", "=", "ann").with(unknown).all())
                    .hasMessageContaining("nope");
            assertThatThrownBy(() -> docs.query().with(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("modifier");
            assertThatThrownBy(() -> QueryModifier.of(" ", q -> q))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("query modifier name must not be blank");
            assertThat(activeOnly().toString()).isEqualTo("QueryModifier[activeOnly]");
        }
    }

    @Test
    void keyWrites_throughAModifiedQuery_areRefused() {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            var q = docs.where("owner", "=", "ann").where("id", "=", "1").with(activeOnly());
            assertThatThrownBy(() -> q.delete())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage(
                            "delete() on model "
                                    + Doc.class.getName()
                                    + ": query modifiers [activeOnly] shape reads, not key writes;"
                                    + " write by key without with(..), or read the items first");
            assertThatThrownBy(() -> q.update(u -> u.set("kind", "z")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("update(..) on model ");
            assertThat(docs.get("ann", "1")).isPresent();
        }
    }

    @Test
    void failingPlugin_isNamed() {
        Plugin broken =
                new Plugin() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public <T> List<QueryModifier<T>> queryModifiers(
                            Class<T> modelType, ModelInfo model) {
                        throw new IllegalStateException("no configuration");
                    }
                };
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .discoverPlugins(false)
                        .plugin(broken)
                        .build()) {
            assertThatThrownBy(() -> db.table(Note.class).where("id", "=", "n1").first())
                    .isInstanceOf(PluginException.class)
                    .hasMessage(
                            "plugin 'broken' failed to give the query modifiers of model "
                                    + Note.class.getName()
                                    + ": no configuration");
        }
    }

    @Test
    void conditionObjects_andTypedValues_passThroughModifiers() {
        try (DynamORM db = DynamORM.builder().client(local.client()).build()) {
            Table<Doc> docs = db.table(Doc.class);
            QueryModifier<Doc> group =
                    QueryModifier.of(
                            "group",
                            q ->
                                    q.where(
                                            Condition.when("kind", "=", "a")
                                                    .or(Condition.when("kind", "=", "c"))));
            assertThat(ids(docs.where("owner", "=", "ann").with(group).all()))
                    .containsExactly("ann/1", "ann/3", "ann/4", "ann/5");
            assertThat(
                            docs.where("owner", "=", "ann")
                                    .with(group)
                                    .explain()
                                    .expressionValues()
                                    .get(":v1"))
                    .isEqualTo(AttributeValue.fromS("a"));
        }
    }
}
