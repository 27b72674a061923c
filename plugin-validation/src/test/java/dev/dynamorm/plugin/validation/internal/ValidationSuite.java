package dev.dynamorm.plugin.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.AsyncTable;
import dev.dynamorm.BatchWriter;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Operation;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.validation.ConstraintViolationsException;
import dev.dynamorm.plugin.validation.ValidationConfig;
import dev.dynamorm.plugin.validation.Violation;
import dev.dynamorm.plugin.validation.internal.ValidatedModels.Address;
import dev.dynamorm.plugin.validation.internal.ValidatedModels.Member;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bean Validation of every write path on a real backend: a write breaking a constraint fails with
 * every violation and its field path before anything is sent (read back through the raw client:
 * nothing stored, nothing changed), valid writes are stored; run on every backend by the
 * subclasses.
 */
@DynamoBackend(models = Member.class)
abstract class ValidationSuite {

    // one event loop for the class: a Netty client that owns its loop waits Netty's 2 s quiet
    // period when it closes, which each test paid
    private static SdkEventLoopGroup loop;

    private DynamORM db;
    private DynamoDbClient raw;
    private BackendContext backend;
    private DynamoDbAsyncClient asyncClient;
    private Table<Member> members;
    private String team;

    @BeforeAll
    static void startLoop() {
        loop = SdkEventLoopGroup.builder().numberOfThreads(2).build();
    }

    @AfterAll
    static void stopLoop() {
        loop.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.backend = backend;
        this.asyncClient =
                DynamoDbAsyncClient.builder()
                        .endpointOverride(backend.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("a", "b")))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop))
                        .build();
        this.db =
                DynamORM.builder()
                        .client(raw)
                        .asyncClient(asyncClient)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .discoverPlugins(false)
                        .plugin(new ValidationPlugin())
                        .pluginConfig(ValidationConfig.defaults())
                        .build();
        this.members = db.table(Member.class);
        this.team = "t-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        db.close();
        asyncClient.close();
    }

    private Member valid(String id) {
        return new Member(
                team, id, "Ann", "ann@example.com", 30, List.of("a"), new Address("Oslo"));
    }

    /** Breaks five constraints, one of them nested. */
    private Member broken(String id) {
        return new Member(
                team, id, " ", "not-an-email", -1, List.of("a", "b", "c"), new Address(""));
    }

    /** Breaks one constraint. */
    private Member blankName(String id) {
        return new Member(team, id, "", "b@example.com", 1, List.of(), new Address("Rome"));
    }

    /** What the team's partition holds, read with the raw client. */
    private List<Map<String, AttributeValue>> stored() {
        return raw.query(
                        r ->
                                r.tableName(members.tableName())
                                        .keyConditionExpression("team = :t")
                                        .expressionAttributeValues(
                                                Map.of(":t", AttributeValue.fromS(team)))
                                        .consistentRead(true))
                .items();
    }

    private List<String> storedIds() {
        return stored().stream().map(i -> i.get("id").s()).sorted().toList();
    }

    private static ConstraintViolationsException violations(ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        if (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        assertThat(t).isInstanceOf(ConstraintViolationsException.class);
        return (ConstraintViolationsException) t;
    }

    private static List<String> paths(ConstraintViolationsException e) {
        return e.violations().stream().map(Violation::path).toList();
    }

    @Test
    void createAndPut_breakingConstraints_failWithEveryFieldPath_andStoreNothing() {
        ConstraintViolationsException create = violations(() -> members.create(broken("m1")));
        assertThat(paths(create)).containsExactly("address.city", "age", "email", "name", "tags");
        assertThat(create.violations())
                .extracting(Violation::constraint)
                .containsExactly("NotBlank", "Min", "Email", "NotBlank", "Size");
        assertThat(create.operation()).contains(Operation.CREATE);
        assertThat(create)
                .hasMessageStartingWith(
                        "create of "
                                + Member.class.getName()
                                + " (id=m1, team="
                                + team
                                + ") breaks 5 constraints, nothing was sent: ");

        ConstraintViolationsException put = violations(() -> members.put(blankName("m2")));
        assertThat(put)
                .hasMessageEndingWith(
                        "breaks 1 constraint, nothing was sent: name: must not be blank (@NotBlank)");
        assertThat(put.operation()).contains(Operation.PUT);

        assertThat(stored()).isEmpty();
        assertThat(members.get(team, "m1")).isEmpty();
    }

    @Test
    void putOverAStoredItem_breakingAConstraint_leavesTheStoredItemAsItWas() {
        members.put(valid("m1"));

        assertThat(paths(violations(() -> members.put(blankName("m1"))))).containsExactly("name");

        assertThat(members.get(team, "m1")).contains(valid("m1"));
    }

    @Test
    void batchPut_withOneBadItem_sendsNoneOfTheBatch() {
        ConstraintViolationsException e =
                violations(
                        () -> members.batchPut(List.of(valid("b1"), blankName("b2"), valid("b3"))));

        assertThat(paths(e)).containsExactly("name");
        assertThat(e.operation()).contains(Operation.BATCH_WRITE);
        assertThat(stored()).isEmpty();
    }

    @Test
    void batchWriter_refusesABadItemAtTheCall_andWritesTheGoodOnes() {
        try (BatchWriter writer = db.batchWriter()) {
            writer.put(valid("w1"));
            assertThat(paths(violations(() -> writer.put(broken("w2")))))
                    .containsExactly("address.city", "age", "email", "name", "tags");
            writer.put(valid("w3"));
        }

        assertThat(storedIds()).containsExactly("w1", "w3");
    }

    @Test
    void transaction_withOneBadItem_sendsNothing() {
        members.put(valid("x0"));

        ConstraintViolationsException put =
                violations(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.create(valid("x1"))
                                                        .put(blankName("x2"))
                                                        .delete(valid("x0"))));
        assertThat(paths(put)).containsExactly("name");

        ConstraintViolationsException update =
                violations(
                        () ->
                                db.transaction(
                                        tx ->
                                                tx.create(valid("x3"))
                                                        .update(
                                                                Member.class,
                                                                Key.of(team, "x0"),
                                                                u ->
                                                                        u.set(
                                                                                "tags",
                                                                                List.of(
                                                                                        "1", "2",
                                                                                        "3")))));
        assertThat(paths(update)).containsExactly("tags");
        assertThat(update.violations().get(0).message()).isEqualTo("size must be between 0 and 2");

        assertThat(storedIds()).containsExactly("x0");
        assertThat(members.get(team, "x0")).contains(valid("x0"));
    }

    @Test
    void updateBuilderValues_areCheckedAgainstTheirFieldsConstraints_andChangeNothing() {
        members.create(valid("u1"));

        ConstraintViolationsException set =
                violations(
                        () ->
                                members.where("team", "=", team)
                                        .where("id", "=", "u1")
                                        .update(u -> u.set("name", "").set("age", -3)));
        assertThat(paths(set)).containsExactly("age", "name");
        assertThat(set.operation()).contains(Operation.UPDATE);
        assertThat(paths(violations(() -> members.update(valid("u1"), u -> u.set("email", "no")))))
                .containsExactly("email");
        Member renamed =
                new Member(team, "u1", "", "x@example.com", -5, List.of(), new Address("Oslo"));
        assertThat(paths(violations(() -> members.update(renamed, "name", "age"))))
                .containsExactly("age", "name");

        assertThat(members.get(team, "u1")).contains(valid("u1"));

        // a single-field check: an update leaves the fields it does not set unvalidated
        members.update(renamed, "email");
        members.update(valid("u1"), u -> u.set("age", 31).set("tags", List.of("x", "y")));
        assertThat(members.get(team, "u1"))
                .contains(
                        new Member(
                                team,
                                "u1",
                                "Ann",
                                "x@example.com",
                                31,
                                List.of("x", "y"),
                                new Address("Oslo")));
    }

    @Test
    void validItems_areStoredByEveryPath() {
        members.create(valid("v1"));
        members.put(valid("v2"));
        members.batchPut(List.of(valid("v3"), valid("v4")));
        try (BatchWriter writer = db.batchWriter()) {
            writer.put(valid("v5"));
        }
        members.update(valid("v1"), u -> u.set("name", "Bea"));
        members.async().create(valid("v6")).join();

        assertThat(storedIds()).containsExactly("v1", "v2", "v3", "v4", "v5", "v6");
        assertThat(members.get(team, "v1").orElseThrow().name()).isEqualTo("Bea");
        assertThat(members.get(team, "v6")).contains(valid("v6"));
    }

    @Test
    void validItems_areStoredByATransaction() {
        assumeTrue(backend.supportsTransactions(), "the backend has no TransactWriteItems");
        members.put(valid("t0"));

        db.transaction(
                tx ->
                        tx.create(valid("t1"))
                                .put(valid("t2"))
                                .update(Member.class, Key.of(team, "t0"), u -> u.set("age", 40)));

        assertThat(storedIds()).containsExactly("t0", "t1", "t2");
        assertThat(members.get(team, "t0").orElseThrow().age()).isEqualTo(40);
    }

    @Test
    void asyncWrites_breakingConstraints_failThroughTheFuture_andStoreNothing() {
        AsyncTable<Member> async = members.async();

        assertThat(paths(violations(() -> async.create(broken("a1")).join())))
                .containsExactly("address.city", "age", "email", "name", "tags");
        assertThat(paths(violations(() -> async.put(blankName("a2")).join())))
                .containsExactly("name");
        assertThat(
                        paths(
                                violations(
                                        () ->
                                                db.async()
                                                        .transaction(
                                                                tx ->
                                                                        tx.create(valid("a3"))
                                                                                .put(
                                                                                        blankName(
                                                                                                "a4")))
                                                        .join())))
                .containsExactly("name");

        assertThat(stored()).isEmpty();
    }
}
