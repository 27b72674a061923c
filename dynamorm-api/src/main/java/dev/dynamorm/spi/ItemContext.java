package dev.dynamorm.spi;

import dev.dynamorm.Operation;
import java.util.Optional;

/** The item an item-transform hook ({@link Hook#beforeWrite}, {@link Hook#afterRead}) works on. */
public interface ItemContext {

    /**
     * The operation writing or reading the item.
     *
     * @return the operation
     */
    Operation operation();

    /**
     * The physical table name.
     *
     * @return the table name
     */
    String tableName();

    /**
     * The model of the item.
     *
     * @return the model, or empty for a table no model of this instance maps
     */
    Optional<ModelInfo> model();

    /**
     * Whether the attributes are only part of an item (the values an update sets, or a projection).
     *
     * @return true for partial items
     */
    boolean partial();
}
