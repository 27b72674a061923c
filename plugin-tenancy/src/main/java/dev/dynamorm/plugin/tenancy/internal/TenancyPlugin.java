package dev.dynamorm.plugin.tenancy.internal;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginContext;
import dev.dynamorm.QueryModifier;
import dev.dynamorm.plugin.tenancy.TenancyConfig;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.TenantProvider;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The tenancy plugin: a query modifier binding every query and scan of a tenant model to the
 * current tenant, and a hook checking keys, stamping and conditioning writes and checking reads.
 * Runs before the audit and cache plugins (order -500), after the observing ones.
 */
public final class TenancyPlugin implements Plugin {

    /** The plugin's name. */
    public static final String NAME = "tenancy";

    /** The name of the query modifier, shown by {@code explain()}. */
    static final String MODIFIER = "tenant";

    private final ConcurrentMap<Class<?>, Optional<TenantField>> fields = new ConcurrentHashMap<>();
    private volatile TenantProvider provider = Optional::empty;
    private volatile @Nullable PluginContext context;

    /** Creates the plugin; {@link ServiceLoader} calls this. */
    public TenancyPlugin() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return DynamORM.version();
    }

    @Override
    public int order() {
        return -500;
    }

    @Override
    public void initialize(PluginContext pluginContext) {
        this.context = pluginContext;
        String fixed = pluginContext.properties().get("tenant");
        TenancyConfig config =
                pluginContext
                        .config(TenancyConfig.class)
                        .orElseGet(
                                () ->
                                        fixed == null
                                                ? TenancyConfig.builder().build()
                                                : TenancyConfig.builder()
                                                        .provider(TenantProvider.fixed(fixed))
                                                        .build());
        this.provider =
                config.provider()
                        .or(
                                () ->
                                        ServiceLoader.load(
                                                        TenantProvider.class,
                                                        TenancyPlugin.class.getClassLoader())
                                                .findFirst())
                        .orElse(Optional::empty);
    }

    @Override
    public List<Hook> hooks() {
        return List.of(new TenantHook(this));
    }

    @Override
    public <T> List<QueryModifier<T>> queryModifiers(Class<T> modelType, ModelInfo model) {
        Optional<TenantField> field = field(modelType, model);
        if (field.isEmpty()) {
            return List.of();
        }
        TenantField f = field.get();
        return List.of(
                QueryModifier.of(
                        MODIFIER,
                        q ->
                                q.where(
                                        f.field(),
                                        "=",
                                        current(f, Operation.QUERY, "query").value())));
    }

    /** The tenant field of a model, or empty when it has none. */
    Optional<TenantField> field(Class<?> type, ModelInfo model) {
        return fields.computeIfAbsent(type, t -> TenantField.of(t, model));
    }

    /** The tenant field of a model known by class only, or empty. */
    Optional<TenantField> field(@Nullable Class<?> type) {
        if (type == null) {
            return Optional.empty();
        }
        Optional<TenantField> known = fields.get(type);
        if (known != null) {
            return known;
        }
        PluginContext c = context;
        Optional<ModelInfo> model = c == null ? Optional.empty() : c.model(type);
        return model.isEmpty() ? Optional.empty() : field(type, model.get());
    }

    /**
     * The current tenant of the calling thread (or the provider's), or empty when there is none.
     */
    Optional<String> currentId() {
        return TenantProvider.threadTenant().or(provider::currentTenant).filter(t -> !t.isBlank());
    }

    /**
     * The current tenant, as the model's tenant field holds it.
     *
     * @throws TenancyException when there is none, or it does not fit the field
     */
    TenantField.Tenant current(TenantField field, Operation op, String what) {
        return bind(field, currentId(), op, what);
    }

    /**
     * A tenant (the one a request carries, or the current one), as the model's tenant field holds
     * it.
     *
     * @throws TenancyException when there is none, or it does not fit the field
     */
    TenantField.Tenant bind(TenantField field, Optional<String> tenant, Operation op, String what) {
        if (tenant.isEmpty()) {
            throw new TenancyException(
                    String.format(
                            Locale.ROOT,
                            "no current tenant for a %s of model %s (table '%s', tenant field"
                                    + " '%s'); run it inside TenantProvider.runAs(tenant, ..) or"
                                    + " configure TenancyConfig.builder().provider(..); nothing"
                                    + " was sent",
                            what,
                            field.modelType().getName(),
                            field.tableName(),
                            field.field()),
                    op,
                    field.modelType());
        }
        return field.bind(tenant.get(), op);
    }
}
