package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.it.model.Customer;
import dev.dynamorm.local.LocalDynamoDb;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** DynamORM building its own client from settings, and the builder's checks. */
final class ClientConfigurationTest {

    @Test
    void builtClient_withEndpointRegionCredentialsAndPool_talksToTheServer() {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db =
                        DynamORM.builder()
                                .endpoint(local.endpoint())
                                .region(Region.EU_WEST_1)
                                .credentialsProvider(
                                        StaticCredentialsProvider.create(
                                                AwsBasicCredentials.create("k", "s")))
                                .maxConnections(4)
                                .tableNamePrefix("cfg_")
                                .build()) {
            Table<Customer> customers = db.table(Customer.class);
            assertThat(customers.tableName()).isEqualTo("cfg_customers");
            customers.createTable();
            customers.create(new Customer("1", "Ada", "a@x", 36));
            assertThat(customers.get("1")).contains(new Customer("1", "Ada", "a@x", 36));
            assertThat(local.client().listTables().tableNames()).containsExactly("cfg_customers");
        }
    }

    @Test
    void clientIsReused_andUserClientIsNotClosed() {
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            DynamORM db = DynamORM.builder().client(local.client()).build();
            assertThat(db.client()).isSameAs(local.client());
            assertThat(db.table(Customer.class)).isSameAs(db.table(Customer.class));
            db.close();
            assertThat(local.client().listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> db.table(Customer.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("this DynamORM instance is closed");
        }
    }

    @Test
    void builder_rejectsBadSettingsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> DynamORM.builder().endpoint(URI.create("localhost:8000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoint must be an absolute http or https URI, got localhost:8000");
        assertThatThrownBy(() -> DynamORM.builder().maxConnections(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConnections must be at least 1, got 0");
        assertThatThrownBy(() -> DynamORM.builder().assumeRole("role/admin", "s", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("role ARN must start with 'arn:', got 'role/admin'");
        assertThatThrownBy(() -> DynamORM.builder().tableNamePrefix("bad prefix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "table name prefix may contain only letters, digits, '_', '-' and '.', got 'bad prefix'");
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            assertThatThrownBy(
                            () ->
                                    DynamORM.builder()
                                            .client(local.client())
                                            .region(Region.US_EAST_1)
                                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(
                            "give either client(...) or region/endpoint/credentials/assumeRole/maxConnections");
        }
    }
}
