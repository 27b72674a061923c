package dev.dynamorm.plugin.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells which tenant the current operation runs for. Give one with {@link
 * TenancyConfig.Builder#provider(TenantProvider)} or provide one through {@link
 * java.util.ServiceLoader}.
 *
 * <p>The tenant of an operation is, in this order: the one set with {@link #runAs(String,
 * Runnable)} or {@link #callAs(String, Supplier)} on the calling thread; the configured provider's;
 * a discovered provider's. When there is none, an operation on a tenant model fails with {@link
 * TenancyException} before anything is sent.
 */
@FunctionalInterface
public interface TenantProvider {

    /**
     * The tenant of the operation about to run, called on the calling thread.
     *
     * @return the tenant, or empty when unknown
     */
    Optional<String> currentTenant();

    /**
     * A provider that always names the same tenant (e.g. a per-tenant worker).
     *
     * @param tenant the tenant
     * @return the provider
     * @throws NullPointerException if the tenant is null
     */
    static TenantProvider fixed(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return () -> Optional.of(tenant);
    }

    /**
     * Runs code with a tenant set on the current thread.
     *
     * @param tenant the tenant
     * @param body the code
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the tenant is blank
     */
    static void runAs(String tenant, Runnable body) {
        Objects.requireNonNull(body, "body");
        callAs(
                tenant,
                () -> {
                    body.run();
                    return null;
                });
    }

    /**
     * Calls code with a tenant set on the current thread.
     *
     * @param tenant the tenant
     * @param body the code
     * @param <T> the result type
     * @return what the code returned
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the tenant is blank
     */
    static <T> T callAs(String tenant, Supplier<T> body) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(body, "body");
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must not be blank");
        }
        String previous = ThreadTenant.CURRENT.get();
        ThreadTenant.CURRENT.set(tenant);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                ThreadTenant.CURRENT.remove();
            } else {
                ThreadTenant.CURRENT.set(previous);
            }
        }
    }

    /**
     * The tenant set with {@link #runAs} or {@link #callAs} on the current thread.
     *
     * @return the tenant, or empty
     */
    static Optional<String> threadTenant() {
        return Optional.ofNullable(ThreadTenant.CURRENT.get());
    }
}
