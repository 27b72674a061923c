package dev.dynamorm.spring.boot.autoconfigure;

import dev.dynamorm.SchemaDrift;
import dev.dynamorm.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * With {@code dynamorm.create-tables-if-missing=true} (the default with the embedded engine): once
 * every singleton exists, creates the missing table of each {@code Table} bean and logs as WARN how
 * existing tables differ from their models. Otherwise it does nothing.
 */
final class TablesInitializer implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(TablesInitializer.class);

    private final ObjectProvider<Table<?>> tables;

    private final boolean enabled;

    TablesInitializer(ObjectProvider<Table<?>> tables, boolean enabled) {
        this.tables = tables;
        this.enabled = enabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        tables.orderedStream().forEach(TablesInitializer::prepare);
    }

    private static void prepare(Table<?> table) {
        if (table.createTableIfMissing()) {
            LOG.info("Created table {} for {}", table.tableName(), table.modelType().getName());
            return;
        }
        SchemaDrift drift = table.drift();
        if (!drift.matches()) {
            LOG.warn(
                    "Table {} differs from model {}: {}",
                    drift.tableName(),
                    table.modelType().getName(),
                    String.join("; ", drift.differences()));
        }
    }
}
