package dev.dynamorm.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Deletes the tables of a test class with raw ListTables and DeleteTable calls. */
final class TableCleaner {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration ACTIVE_POLL = Duration.ofMillis(500);

    private TableCleaner() {}

    /** The names of all tables starting with {@code prefix}. */
    static List<String> tablesWithPrefix(DynamoDbClient client, String prefix) {
        return client.listTablesPaginator().tableNames().stream()
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toList());
    }

    /**
     * Deletes every table whose name starts with {@code prefix}; tries all of them before failing.
     *
     * @return the names of the deleted tables
     * @throws IllegalStateException naming the tables left behind, if some could not be deleted
     */
    static List<String> deleteWithPrefix(DynamoDbClient client, String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("refusing to delete tables with an empty prefix");
        }
        List<String> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String table : tablesWithPrefix(client, prefix)) {
            try {
                delete(client, table);
                deleted.add(table);
            } catch (SdkException e) {
                failures.add(table + " (" + e.getMessage() + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    "could not delete test tables "
                            + failures
                            + ": delete them by hand if the server keeps state");
        }
        for (String table : deleted) {
            awaitGone(client, table);
        }
        return deleted;
    }

    private static void delete(DynamoDbClient client, String table) {
        try {
            client.deleteTable(r -> r.tableName(table));
        } catch (ResourceNotFoundException gone) {
            // deleted meanwhile: fine
        } catch (ResourceInUseException creating) {
            // real DynamoDB refuses to delete a table that is still being created or updated
            awaitActive(client, table);
            client.deleteTable(r -> r.tableName(table));
        }
    }

    /** Deletion is asynchronous on most servers: wait until the table is really gone. */
    private static void awaitGone(DynamoDbClient client, String table) {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        long pause = 10;
        while (true) {
            try {
                client.describeTable(r -> r.tableName(table));
            } catch (ResourceNotFoundException gone) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(
                        "table "
                                + table
                                + " still exists "
                                + ACTIVE_TIMEOUT.toMinutes()
                                + " minutes after its deletion: delete it by hand");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting for table " + table + " to be deleted", e);
            }
            pause = Math.min(pause * 2, ACTIVE_POLL.toMillis());
        }
    }

    private static void awaitActive(DynamoDbClient client, String table) {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        while (client.describeTable(r -> r.tableName(table)).table().tableStatus()
                != TableStatus.ACTIVE) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(
                        "table "
                                + table
                                + " did not become ACTIVE within "
                                + ACTIVE_TIMEOUT.toMinutes()
                                + " minutes, so it cannot be deleted: delete it by hand");
            }
            try {
                Thread.sleep(ACTIVE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting to delete table " + table, e);
            }
        }
    }
}
