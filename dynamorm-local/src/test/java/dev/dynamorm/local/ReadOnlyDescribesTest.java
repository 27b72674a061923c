package dev.dynamorm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/** Read-only describe calls answer as for a fresh DynamoDB table. */
final class ReadOnlyDescribesTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = db.client();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void continuousBackups_areOn_pointInTimeRecoveryOff() {
        String table = Fixtures.hashTable(client);
        ContinuousBackupsDescription d =
                client.describeContinuousBackups(r -> r.tableName(table))
                        .continuousBackupsDescription();
        assertThat(d.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        assertThat(d.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThatThrownBy(() -> client.describeContinuousBackups(r -> r.tableName("no-table")))
                .isInstanceOf(TableNotFoundException.class)
                .hasMessageContaining("Table not found: no-table");
    }

    @Test
    void contributorInsightsAndKinesisDestinations_areNone() {
        String table = Fixtures.hashTable(client);
        DescribeContributorInsightsResponse insights =
                client.describeContributorInsights(r -> r.tableName(table));
        assertThat(insights.tableName()).isEqualTo(table);
        assertThat(insights.contributorInsightsStatus())
                .isEqualTo(ContributorInsightsStatus.DISABLED);
        DescribeKinesisStreamingDestinationResponse kinesis =
                client.describeKinesisStreamingDestination(r -> r.tableName(table));
        assertThat(kinesis.tableName()).isEqualTo(table);
        assertThat(kinesis.kinesisDataStreamDestinations()).isEmpty();
        assertThatThrownBy(() -> client.describeContributorInsights(r -> r.tableName("no-table")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
