package dev.dynamorm.plugin.tenancy;

/** The thread-local tenant behind {@link TenantProvider#runAs}. */
final class ThreadTenant {

    static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ThreadTenant() {}
}
