package dev.dynamorm.plugin.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.tenancy.TenancyConfig;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.TenantId;
import dev.dynamorm.plugin.tenancy.TenantProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Where the tenant comes from, discovery, and models the plugin refuses. */
final class TenancyConfigurationTest {

    private static LocalDynamoDb local;

    /** Tenant as a plain field, partition key only. */
    @DynamoTable("notes")
    public record Note(@PartitionKey String id, @TenantId String tenant, String text) {}

    /** Two tenant fields. */
    @DynamoTable("twice")
    public record Twice(@PartitionKey @TenantId String id, @TenantId String tenant) {}

    /** A numeric tenant field: the tenant must read as a number. */
    @DynamoTable("numbered")
    public record Numbered(@PartitionKey String id, @TenantId long tenant) {}

    /** A tenant field stored as a list. */
    @DynamoTable("listed")
    public record Listed(@PartitionKey String id, @TenantId List<String> tenant) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void discoveredPlugin_withConfiguredProvider_threadTenantWins() {
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("cfg1_")
                        .pluginConfig(
                                TenancyConfig.builder()
                                        .provider(TenantProvider.fixed("acme"))
                                        .build())
                        .build()) {
            assertThat(db.plugins()).contains("tenancy");
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            notes.put(new Note("n1", null, "acme's"));
            assertThat(notes.get("n1").map(Note::tenant)).contains("acme");
            TenantProvider.runAs("globex", () -> notes.put(new Note("n2", null, "globex's")));
            assertThat(notes.query().scan()).extracting(Note::id).containsExactly("n1");
            assertThat(TenantProvider.callAs("globex", () -> notes.query().scan().get(0).text()))
                    .isEqualTo("globex's");
            assertThat(TenantProvider.threadTenant()).isEmpty();
        }
    }

    @Test
    void fixedTenant_fromProperty() {
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("cfg2_")
                        .pluginProperty("tenancy", "tenant", "initech")
                        .build()) {
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            notes.put(new Note("n1", null, "x"));
            assertThat(notes.get("n1").map(Note::tenant)).contains("initech");
        }
    }

    @Test
    void invalidModels_areRefusedWithTheReason() {
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .tableNamePrefix("cfg3_")
                        .pluginConfig(
                                TenancyConfig.builder().provider(() -> Optional.of("t")).build())
                        .build()) {
            assertThatThrownBy(() -> db.table(Twice.class).query().scan())
                    .isInstanceOf(TenancyException.class)
                    .hasMessage(
                            "model "
                                    + Twice.class.getName()
                                    + " has 2 @TenantId fields [id, tenant]; mark exactly one");
            assertThatThrownBy(() -> db.table(Listed.class).query().scan())
                    .isInstanceOf(TenancyException.class)
                    .hasMessage(
                            "model "
                                    + Listed.class.getName()
                                    + " has @TenantId on field 'tenant' of type"
                                    + " java.util.List<java.lang.String>, which is stored as L;"
                                    + " the tenant field must be stored as a string or a number (a"
                                    + " String, UUID, enum, long... or a type whose converter"
                                    + " stores S or N)");
            // a numeric tenant field takes tenants that read as numbers
            assertThatThrownBy(() -> db.table(Numbered.class).query().scan())
                    .isInstanceOf(TenancyException.class)
                    .hasMessage(
                            "the current tenant 't' does not fit the tenant field 'tenant' of"
                                    + " model "
                                    + Numbered.class.getName()
                                    + ", which is long; nothing was sent");
        }
    }

    @Test
    void builderAndProviderArguments_areChecked() {
        TenancyConfig.Builder b = TenancyConfig.builder().provider(Optional::empty);
        assertThatThrownBy(() -> b.provider(Optional::empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("tenant provider was already set to ");
        assertThat(b.build().pluginName()).isEqualTo("tenancy");
        assertThat(TenancyConfig.builder().build().toString())
                .isEqualTo("TenancyConfig[provider=discovered]");
        assertThat(TenancyConfig.builder().build().provider()).isEmpty();
        assertThatThrownBy(() -> TenantProvider.runAs(" ", () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenant must not be blank");
        assertThatThrownBy(() -> TenantProvider.fixed(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("tenant");
        assertThat(TenantProvider.fixed("x").currentTenant()).contains("x");
        TenantProvider.runAs(
                "outer",
                () -> {
                    TenantProvider.runAs(
                            "inner",
                            () -> assertThat(TenantProvider.threadTenant()).contains("inner"));
                    assertThat(TenantProvider.threadTenant()).contains("outer");
                });
    }
}
