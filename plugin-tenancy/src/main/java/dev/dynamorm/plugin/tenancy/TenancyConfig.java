package dev.dynamorm.plugin.tenancy;

import dev.dynamorm.PluginConfig;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the tenancy plugin finds the current tenant. Immutable.
 *
 * <pre>{@code
 * DynamORM db = DynamORM.builder().client(client)
 *         .pluginConfig(TenancyConfig.builder().provider(() -> Optional.ofNullable(currentTenant()))
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>A tenant set with {@link TenantProvider#runAs} on the calling thread wins over the provider.
 * As a property, {@code dynamorm.plugin.tenancy.tenant=acme} names a fixed tenant.
 */
public final class TenancyConfig implements PluginConfig {

    private final @Nullable TenantProvider provider;

    private TenancyConfig(Builder b) {
        this.provider = b.provider;
    }

    /**
     * A new builder, without a provider.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The provider asked when no tenant is set on the calling thread.
     *
     * @return the provider, or empty for a discovered one
     */
    public Optional<TenantProvider> provider() {
        return Optional.ofNullable(provider);
    }

    @Override
    public String pluginName() {
        return "tenancy";
    }

    @Override
    public String toString() {
        return "TenancyConfig[provider=" + (provider == null ? "discovered" : provider) + "]";
    }

    /** Builds a {@link TenancyConfig}. Not thread-safe; {@link #build()} leaves it reusable. */
    public static final class Builder {
        private @Nullable TenantProvider provider;

        private Builder() {}

        /**
         * Sets the tenant provider.
         *
         * @param tenantProvider the provider
         * @return this builder
         * @throws NullPointerException if the provider is null
         * @throws IllegalStateException if already set
         */
        public Builder provider(TenantProvider tenantProvider) {
            Objects.requireNonNull(tenantProvider, "provider");
            if (provider != null) {
                throw new IllegalStateException("tenant provider was already set to " + provider);
            }
            this.provider = tenantProvider;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public TenancyConfig build() {
            return new TenancyConfig(this);
        }
    }
}
