package dev.dynamorm.spring.boot.autoconfigure.observability;

import dev.dynamorm.DynamORM;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Adds {@code dynamorm.plugins} (the installed plugins, in order) to the info endpoint. */
final class DynamORMInfoContributor implements InfoContributor {

    private final DynamORM db;

    DynamORMInfoContributor(DynamORM db) {
        this.db = db;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("dynamorm", Map.of("plugins", db.plugins()));
    }
}
