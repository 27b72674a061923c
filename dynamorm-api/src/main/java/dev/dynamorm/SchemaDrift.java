package dev.dynamorm;

import java.util.List;

/**
 * How an existing table differs from what its model declares.
 *
 * @param tableName the physical table name
 * @param differences one readable line per difference, empty when the table matches the model
 */
public record SchemaDrift(String tableName, List<String> differences) {

    /** Copies the list. */
    public SchemaDrift {
        differences = List.copyOf(differences);
    }

    /**
     * Whether the table matches the model.
     *
     * @return true when there are no differences
     */
    public boolean matches() {
        return differences.isEmpty();
    }
}
