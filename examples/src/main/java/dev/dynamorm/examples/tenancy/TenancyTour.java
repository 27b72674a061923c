package dev.dynamorm.examples.tenancy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Table;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.tenancy.TenancyException;
import dev.dynamorm.plugin.tenancy.TenantProvider;
import java.util.List;

/** The README's plugin-tenancy example on the embedded engine (needs the plugin on the path). */
public final class TenancyTour {

    private TenancyTour() {}

    /**
     * Runs the tour.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (LocalDynamoDb local = LocalDynamoDb.start();
                DynamORM db = DynamORM.builder().client(local.client()).build()) {
            TenantProvider.runAs("acme", () -> db.table(Invoice.class).createTableIfMissing());
            try {
                Table<Invoice> invoices = db.table(Invoice.class);
                TenantProvider.runAs(
                        "acme",
                        () -> {
                            invoices.put(new Invoice("acme", "i-1", 1200));
                            List<Invoice> mine =
                                    invoices.query()
                                            .all(); // Query: tenant = 'acme' as the key condition
                            System.out.println(mine);
                            invoices.get("globex", "i-9"); // TenancyException: another tenant's key
                        });
            } catch (TenancyException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }
}
