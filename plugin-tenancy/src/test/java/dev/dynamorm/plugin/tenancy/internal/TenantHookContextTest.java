package dev.dynamorm.plugin.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.TenantId;
import dev.dynamorm.plugin.tenancy.TenantProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The read check with an {@link ItemContext} made outside the engine (a test kit calling the hook
 * itself): it has no request attributes ({@code attribute} throws), so the calling thread's tenant
 * decides, as it did before request attributes existed.
 */
final class TenantHookContextTest {

    /** A tenant model whose tenant is not part of the key. */
    @DynamoTable("hook_notes")
    public record Note(@PartitionKey String id, @TenantId String tenant, String text) {}

    /** An item context as code outside the engine writes it: no {@code attribute} override. */
    private record OutsideContext(ModelInfo info) implements ItemContext {
        @Override
        public Operation operation() {
            return Operation.GET;
        }

        @Override
        public String tableName() {
            return "hook_notes";
        }

        @Override
        public Optional<ModelInfo> model() {
            return Optional.of(info);
        }

        @Override
        public boolean partial() {
            return false;
        }
    }

    @Test
    void afterRead_withAContextWithoutRequestAttributes_checksTheCallingThreadsTenant() {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build()) {
            ModelInfo info = db.table(Note.class).modelInfo();
            TenantHook hook = new TenantHook(new TenancyPlugin());
            OutsideContext context = new OutsideContext(info);
            Map<String, AttributeValue> acmes =
                    Map.of(
                            "id", AttributeValue.fromS("n1"),
                            "tenant", AttributeValue.fromS("acme"),
                            "text", AttributeValue.fromS("acme's"));

            assertThat(TenantProvider.callAs("acme", () -> hook.afterRead(context, acmes)))
                    .isSameAs(acmes);
            assertThatThrownBy(
                            () ->
                                    TenantProvider.runAs(
                                            "globex", () -> hook.afterRead(context, acmes)))
                    .isInstanceOf(TenancyException.class)
                    .hasMessageContaining("tenant 'globex' may not read an item of another tenant");
            assertThatThrownBy(() -> hook.afterRead(context, acmes))
                    .isInstanceOf(TenancyException.class)
                    .hasMessageContaining("no current tenant");
        }
    }
}
