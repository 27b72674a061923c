package dev.dynamorm.plugin.tenancy;

import dev.dynamorm.Operation;
import dev.dynamorm.PluginException;
import org.jspecify.annotations.Nullable;

/**
 * The tenancy plugin refused an operation: no current tenant, an item or key of another tenant, a
 * write that would change an item's tenant, or a write DynamoDB cannot bind to the tenant. Thrown
 * before anything is sent, except for a read whose item turns out to belong to another tenant (then
 * the item is not returned).
 */
public final class TenancyException extends PluginException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why, naming the model and table
     * @param operation the operation
     * @param modelType the model class, or null
     */
    public TenancyException(String message, Operation operation, @Nullable Class<?> modelType) {
        super(message, "tenancy", operation, modelType, null);
    }
}
