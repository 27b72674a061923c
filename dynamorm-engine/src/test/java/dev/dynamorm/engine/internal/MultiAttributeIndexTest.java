package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Page;
import dev.dynamorm.QueryPlan;
import dev.dynamorm.QueryRequiresScanException;
import dev.dynamorm.SortOrder;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.IndexKey;
import dev.dynamorm.annotations.IndexType;
import dev.dynamorm.annotations.KeyRole;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * Multi-attribute GSI keys (issue 17.4): {@code @IndexKey(order = n)} declares several fields as
 * one index key; the table is created with them, a query binding every partition field and sort
 * fields from left to right is served by the index, and {@code explain()} shows the binding.
 */
final class MultiAttributeIndexTest {

    @DynamoTable("mk_matches")
    record Match(
            @PartitionKey String id,
            @IndexKey(index = "by-region", order = 1) String tournament,
            @IndexKey(index = "by-region", order = 2) String region,
            @IndexKey(index = "by-region", role = KeyRole.SORT, order = 1) String round,
            @IndexKey(index = "by-region", role = KeyRole.SORT, order = 2) int seq,
            String winner) {}

    private static LocalDynamoDb local;
    private static DynamORM db;
    private static Table<Match> matches;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        db = DynamORM.builder().client(local.client()).build();
        matches = db.table(Match.class);
        matches.createTable();
        matches.put(new Match("m1", "W24", "EU", "FINAL", 1, "ann"));
        matches.put(new Match("m2", "W24", "EU", "SEMI", 10, "bob"));
        matches.put(new Match("m3", "W24", "EU", "SEMI", 9, "cid"));
        matches.put(new Match("m4", "W24", "US", "SEMI", 1, "dan"));
        matches.put(new Match("m5", "S25", "EU", "SEMI", 1, "eve"));
    }

    @AfterAll
    static void stop() {
        db.close();
        local.close();
    }

    private static List<String> ids(List<Match> found) {
        return found.stream().map(Match::id).toList();
    }

    @Test
    void createTableDeclaresEveryKeyAttributeInOrder() {
        List<KeySchemaElement> keys =
                local.client()
                        .describeTable(r -> r.tableName("mk_matches"))
                        .table()
                        .globalSecondaryIndexes()
                        .get(0)
                        .keySchema();
        assertThat(keys)
                .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("tournament:HASH", "region:HASH", "round:RANGE", "seq:RANGE");
        assertThat(matches.drift().differences()).isEmpty();
    }

    @Test
    void everyPartitionFieldSelectsTheIndex() {
        var q = matches.query().where("tournament", "=", "W24").where("region", "=", "EU");
        assertThat(ids(q.all())).containsExactly("m1", "m3", "m2");
        QueryPlan plan = q.explain();
        assertThat(plan.indexName()).contains("by-region");
        assertThat(plan.keyCondition()).contains("#n0 = :v0 AND #n1 = :v1");
        assertThat(plan.filter()).isEmpty();
        assertThat(plan.candidates())
                .filteredOn(QueryPlan.Candidate::chosen)
                .extracting(QueryPlan.Candidate::note)
                .singleElement()
                .asString()
                .contains("partition key tournament, region =");
    }

    @Test
    void sortFieldsBindFromLeftToRight() {
        var q =
                matches.query()
                        .where("region", "=", "EU")
                        .where("tournament", "=", "W24")
                        .where("round", "=", "SEMI")
                        .where("seq", ">=", 9);
        assertThat(ids(q.all())).containsExactly("m3", "m2");
        QueryPlan plan = q.explain();
        assertThat(plan.keyCondition().orElseThrow()).contains(" AND ").contains(">=");
        assertThat(plan.filter()).isEmpty();
        assertThat(plan.candidates())
                .filteredOn(QueryPlan.Candidate::chosen)
                .extracting(QueryPlan.Candidate::note)
                .singleElement()
                .asString()
                .contains("sort key round =, seq >=");
        assertThat(
                        ids(
                                matches.query()
                                        .where("tournament", "=", "W24")
                                        .where("region", "=", "EU")
                                        .where("round", "begins_with", "SE")
                                        .orderBy(SortOrder.DESC)
                                        .all()))
                .containsExactly("m2", "m3");
    }

    @Test
    void pagesCarryTheWholeIndexKeyInTheCursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var q =
                    matches.query()
                            .where("tournament", "=", "W24")
                            .where("region", "=", "EU")
                            .limit(2);
            Page<Match> page = (cursor == null ? q : q.after(cursor)).page();
            page.items().forEach(m -> seen.add(m.id()));
            cursor = page.cursor();
        } while (cursor != null);
        assertThat(seen).containsExactly("m1", "m3", "m2");
    }

    @Test
    void aMissingPartitionFieldOrASortGapCannotUseTheIndex() {
        assertThatThrownBy(() -> matches.query().where("tournament", "=", "W24").all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessageContaining(
                        "keys that can serve a query: [table: id, by-region: (tournament, region) + (round, seq)]");
        assertThatThrownBy(
                        () ->
                                matches.query()
                                        .where("tournament", "=", "W24")
                                        .index("by-region")
                                        .all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessageContaining(
                        "partition key field 'region' is not bound with '=' (a multi-attribute partition "
                                + "key needs every one of its fields bound with '=')");
        assertThatThrownBy(
                        () ->
                                matches.query()
                                        .where("tournament", "=", "W24")
                                        .where("region", "=", "EU")
                                        .where("seq", "=", 1)
                                        .all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessageContaining(
                        "on sort key field 'seq' cannot be a key condition: 'round' before it is not bound, "
                                + "and a multi-attribute sort key is matched from its first field on");
        assertThatThrownBy(
                        () ->
                                matches.query()
                                        .where("tournament", "=", "W24")
                                        .where("region", "=", "EU")
                                        .where("round", ">", "A")
                                        .where("seq", "=", 1)
                                        .all())
                .isInstanceOf(QueryRequiresScanException.class)
                .hasMessageContaining("the range condition on 'round' comes before it");
    }

    @Test
    void aScanWithFiltersStillWorksWhenAllowed() {
        assertThat(ids(matches.query().where("tournament", "=", "S25").allowScan().all()))
                .containsExactly("m5");
    }

    @DynamoTable("t")
    record Gap(
            @PartitionKey String id,
            @IndexKey(index = "g", order = 1) String a,
            @IndexKey(index = "g", order = 3) String b) {}

    @DynamoTable("t")
    record MissingOrder(
            @PartitionKey String id,
            @IndexKey(index = "g", order = 1) String a,
            @IndexKey(index = "g") String b) {}

    @DynamoTable("t")
    record SameOrder(
            @PartitionKey String id,
            @IndexKey(index = "g", role = KeyRole.SORT, order = 1) String a,
            @IndexKey(index = "g", role = KeyRole.SORT, order = 1) String b,
            @IndexKey(index = "g") String p) {}

    @DynamoTable("t")
    record TooMany(
            @PartitionKey String id,
            @IndexKey(index = "g", order = 1) String a,
            @IndexKey(index = "g", order = 2) String b,
            @IndexKey(index = "g", order = 3) String c,
            @IndexKey(index = "g", order = 4) String d,
            @IndexKey(index = "g", order = 5) String e) {}

    @DynamoTable("t")
    record LocalMulti(
            @PartitionKey String id,
            @SortKey String sk,
            @IndexKey(index = "l", type = IndexType.LOCAL, role = KeyRole.SORT, order = 1) String a,
            @IndexKey(index = "l", type = IndexType.LOCAL, role = KeyRole.SORT, order = 2)
                    String b) {}

    @DynamoTable("t")
    @IndexKey(index = "g", template = "X#{a}", order = 1)
    record TemplateOrder(@PartitionKey String id, String a) {}

    @Test
    void invalidOrdersFailRegistrationWithTheReason() {
        assertThatThrownBy(() -> db.table(TemplateOrder.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + TemplateOrder.class.getName()
                                + ": @IndexKey(index = \"g\") on the type has order = 1, but a key template and"
                                + " a multi-attribute key do not combine: a template computes one attribute"
                                + " from several fields, while a multi-attribute key stores each of its fields"
                                + " in its own attribute, which DynamoDB compares one by one. Either drop order"
                                + " and keep one template per key role (e.g. template = \"X#{a}\"), or drop the"
                                + " template and put @IndexKey(index = \"g\", order = n) on each field of the"
                                + " key");
        assertThatThrownBy(() -> db.table(Gap.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + Gap.class.getName()
                                + ": the partition key of index 'g' has fields at positions [1, 3]: number them "
                                + "from 1 without a gap");
        assertThatThrownBy(() -> db.table(MissingOrder.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + MissingOrder.class.getName()
                                + ": fields 'a' and 'b' are both the partition key of index 'g' but only 'a' has an "
                                + "order: give every field of a multi-attribute key its position (order = 1, 2, ...)");
        assertThatThrownBy(() -> db.table(SameOrder.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + SameOrder.class.getName()
                                + ": fields 'a' and 'b' both have order 1 in the sort key of index 'g': give each "
                                + "field its own position");
        assertThatThrownBy(() -> db.table(TooMany.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + TooMany.class.getName()
                                + ": field 'e' has order 5 in the partition key of index 'g': an order runs from 1 "
                                + "to 4 (DynamoDB allows up to 4 attributes per index key)");
        assertThatThrownBy(() -> db.table(LocalMulti.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "model "
                                + LocalMulti.class.getName()
                                + ": local index 'l' has a multi-attribute key, which DynamoDB allows on global "
                                + "indexes only: make it GLOBAL or give it one sort key field");
    }
}
