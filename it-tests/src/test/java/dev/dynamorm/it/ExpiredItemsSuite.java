package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Lease;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Items whose TTL has passed but which the server has not deleted yet: DynamoDB returns them
 * ("Items that have expired and not been deleted will still show up in reads, queries, and scans",
 * UpdateTimeToLive API reference), so DynamORM returns them by default and hides them with {@code
 * hideExpiredItems(true)}, on every read: get, query (table and global index), scan, batchGet,
 * count. The items' TTL lies in the past by the server's clock as well as DynamORM's, so the server
 * itself sees them expired; the subclasses make sure no sweep deletes them during a test.
 */
abstract class ExpiredItemsSuite {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** The server's client. */
    abstract DynamoDbClient client();

    /** This class's table-name prefix. */
    abstract String tableNamePrefix();

    /** Whether the server has UpdateTimeToLive (dynalite has none: it never deletes by TTL). */
    abstract boolean serverHasTtl();

    /**
     * Runs the server's TTL sweep now and returns true, or returns false where a test cannot make
     * it run.
     */
    boolean sweepNow() {
        return false;
    }

    private DynamORM db(boolean hideExpiredItems) {
        return DynamORM.builder()
                .client(client())
                .tableNamePrefix(tableNamePrefix())
                .hideExpiredItems(hideExpiredItems)
                .build();
    }

    /**
     * Creates the table (once per class), with TTL on {@code expiresAt} where the server has it.
     */
    private void createTable(String name) {
        DynamoDbClient c = client();
        try {
            c.describeTable(r -> r.tableName(name));
            return;
        } catch (ResourceNotFoundException absent) {
            // create it below
        }
        c.createTable(
                CreateTableRequest.builder()
                        .tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(key("owner", KeyType.HASH), key("id", KeyType.RANGE))
                        .attributeDefinitions(
                                attribute("owner"), attribute("id"), attribute("holder"))
                        .globalSecondaryIndexes(
                                GlobalSecondaryIndex.builder()
                                        .indexName("by-holder")
                                        .keySchema(key("holder", KeyType.HASH))
                                        .projection(
                                                Projection.builder()
                                                        .projectionType(ProjectionType.ALL)
                                                        .build())
                                        .build())
                        .build());
        awaitActive(c, name);
        if (serverHasTtl()) {
            c.updateTimeToLive(
                    r ->
                            r.tableName(name)
                                    .timeToLiveSpecification(
                                            s -> s.attributeName("expiresAt").enabled(true)));
        }
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    /** Waits (bounded) until the table and its index are ACTIVE (dynalite takes a moment). */
    private static void awaitActive(DynamoDbClient c, String name) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            TableDescription t = c.describeTable(r -> r.tableName(name)).table();
            if (t.tableStatus() == TableStatus.ACTIVE
                    && t.globalSecondaryIndexes().stream()
                            .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE)) {
                return;
            }
            assertThat(System.nanoTime()).as("table %s active", name).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Writes two expired and two live leases of a new owner; returns the owner. */
    private static String writeLeases(Table<Lease> leases) {
        String owner = UUID.randomUUID().toString();
        String holder = "h-" + owner;
        leases.put(new Lease(owner, "dead-1h", holder, NOW.minus(Duration.ofHours(1))));
        leases.put(new Lease(owner, "dead-10m", holder, NOW.minus(Duration.ofMinutes(10))));
        leases.put(new Lease(owner, "live-1h", holder, NOW.plus(Duration.ofHours(1))));
        leases.put(new Lease(owner, "forever", holder, null));
        return owner;
    }

    private static List<String> ids(List<Lease> leases) {
        return leases.stream().map(Lease::id).sorted().toList();
    }

    private static List<Key> keys(String owner) {
        return List.of(
                Key.of(owner, "dead-1h"),
                Key.of(owner, "dead-10m"),
                Key.of(owner, "live-1h"),
                Key.of(owner, "forever"));
    }

    private Map<String, AttributeValue> stored(String table, String owner, String id) {
        return client().getItem(
                        r ->
                                r.tableName(table)
                                        .consistentRead(true)
                                        .key(
                                                Map.of(
                                                        "owner", AttributeValue.fromS(owner),
                                                        "id", AttributeValue.fromS(id))))
                .item();
    }

    @Test
    void expiredButNotDeletedItems_areReturnedByDefault_andHiddenWithHideExpiredItems() {
        try (DynamORM plain = db(false);
                DynamORM hiding = db(true)) {
            Table<Lease> all = plain.table(Lease.class);
            Table<Lease> visible = hiding.table(Lease.class);
            createTable(all.tableName());
            String owner = writeLeases(all);
            String holder = "h-" + owner;
            List<String> every = List.of("dead-10m", "dead-1h", "forever", "live-1h");
            List<String> unexpired = List.of("forever", "live-1h");

            // the server still has them, and answers them to a plain read
            assertThat(stored(all.tableName(), owner, "dead-1h"))
                    .containsEntry(
                            "expiresAt",
                            AttributeValue.fromN(
                                    Long.toString(
                                            NOW.minus(Duration.ofHours(1)).getEpochSecond())));

            // returned by default
            assertThat(all.get(owner, "dead-1h")).isPresent();
            assertThat(ids(all.where("owner", "=", owner).all())).isEqualTo(every);
            assertThat(ids(all.where("holder", "=", holder).all())).isEqualTo(every);
            assertThat(ids(all.scan().stream().filter(l -> l.owner().equals(owner)).toList()))
                    .isEqualTo(every);
            assertThat(ids(all.batchGet(keys(owner)).items())).isEqualTo(every);
            assertThat(all.where("owner", "=", owner).count()).isEqualTo(4);
            assertThat(all.where("holder", "=", holder).count()).isEqualTo(4);

            // hidden when asked
            assertThat(visible.get(owner, "dead-1h")).isEmpty();
            assertThat(visible.get(owner, "dead-10m")).isEmpty();
            assertThat(visible.get(owner, "live-1h")).isPresent();
            assertThat(visible.get(owner, "forever")).isPresent();
            assertThat(ids(visible.where("owner", "=", owner).all())).isEqualTo(unexpired);
            assertThat(ids(visible.where("holder", "=", holder).all())).isEqualTo(unexpired);
            assertThat(ids(visible.scan().stream().filter(l -> l.owner().equals(owner)).toList()))
                    .isEqualTo(unexpired);
            assertThat(ids(visible.batchGet(keys(owner)).items())).isEqualTo(unexpired);
            assertThat(visible.where("owner", "=", owner).count()).isEqualTo(2);
            assertThat(visible.where("holder", "=", holder).count()).isEqualTo(2);
            // a limit counts the items returned, not the hidden ones
            assertThat(ids(visible.where("owner", "=", owner).limit(2).all())).isEqualTo(unexpired);

            // and still stored: hiding is the reader's choice, nothing was deleted
            assertThat(stored(all.tableName(), owner, "dead-10m")).isNotEmpty();
        }
    }

    @Test
    void afterTheServersSweep_expiredItemsAreGoneForEveryReader() {
        try (DynamORM plain = db(false);
                DynamORM hiding = db(true)) {
            Table<Lease> all = plain.table(Lease.class);
            createTable(all.tableName());
            String owner = writeLeases(all);
            assumeTrue(
                    sweepNow(),
                    "this server's TTL sweep cannot be run by a test (Dynoxide sweeps on its own"
                            + " schedule; dynalite has no TTL)");

            List<String> unexpired = List.of("forever", "live-1h");
            assertThat(stored(all.tableName(), owner, "dead-1h")).isEmpty();
            assertThat(all.get(owner, "dead-1h")).isEmpty();
            assertThat(ids(all.where("owner", "=", owner).all())).isEqualTo(unexpired);
            assertThat(all.where("owner", "=", owner).count()).isEqualTo(2);
            assertThat(ids(hiding.table(Lease.class).where("owner", "=", owner).all()))
                    .isEqualTo(unexpired);
        }
    }
}
