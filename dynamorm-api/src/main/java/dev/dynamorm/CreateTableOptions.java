package dev.dynamorm;

import java.util.Locale;
import java.util.Objects;

/**
 * How {@link Table#createTable(CreateTableOptions)} creates a table; immutable.
 *
 * <p>Keys, indexes, projections and TTL come from the model; these options add billing.
 */
public final class CreateTableOptions {

    private static final CreateTableOptions DEFAULTS =
            new CreateTableOptions(BillingMode.PAY_PER_REQUEST, 0, 0, true);

    private final BillingMode billingMode;
    private final long readCapacityUnits;
    private final long writeCapacityUnits;
    private final boolean waitUntilActive;

    private CreateTableOptions(
            BillingMode billingMode, long read, long write, boolean waitUntilActive) {
        this.billingMode = billingMode;
        this.readCapacityUnits = read;
        this.writeCapacityUnits = write;
        this.waitUntilActive = waitUntilActive;
    }

    /**
     * On-demand billing, waiting until the table is active.
     *
     * @return the defaults
     */
    public static CreateTableOptions onDemand() {
        return DEFAULTS;
    }

    /**
     * Provisioned billing with the same capacity for the table and each global index.
     *
     * @param readCapacityUnits read capacity units, at least 1
     * @param writeCapacityUnits write capacity units, at least 1
     * @return the options
     * @throws IllegalArgumentException if a unit count is below 1
     */
    public static CreateTableOptions provisioned(long readCapacityUnits, long writeCapacityUnits) {
        if (readCapacityUnits < 1 || writeCapacityUnits < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "provisioned capacity must be at least 1, got read=%d write=%d",
                            readCapacityUnits,
                            writeCapacityUnits));
        }
        return new CreateTableOptions(
                BillingMode.PROVISIONED, readCapacityUnits, writeCapacityUnits, true);
    }

    /**
     * These options, but returning as soon as the create request is accepted.
     *
     * @return the options
     */
    public CreateTableOptions withoutWaiting() {
        return new CreateTableOptions(billingMode, readCapacityUnits, writeCapacityUnits, false);
    }

    /**
     * The billing mode.
     *
     * @return the billing mode
     */
    public BillingMode billingMode() {
        return billingMode;
    }

    /**
     * Read capacity units (provisioned only).
     *
     * @return the units, 0 for on-demand
     */
    public long readCapacityUnits() {
        return readCapacityUnits;
    }

    /**
     * Write capacity units (provisioned only).
     *
     * @return the units, 0 for on-demand
     */
    public long writeCapacityUnits() {
        return writeCapacityUnits;
    }

    /**
     * Whether creation waits until the table is active.
     *
     * @return true by default
     */
    public boolean waitUntilActive() {
        return waitUntilActive;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateTableOptions c
                && billingMode == c.billingMode
                && readCapacityUnits == c.readCapacityUnits
                && writeCapacityUnits == c.writeCapacityUnits
                && waitUntilActive == c.waitUntilActive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(billingMode, readCapacityUnits, writeCapacityUnits, waitUntilActive);
    }

    @Override
    public String toString() {
        return "CreateTableOptions["
                + billingMode
                + (billingMode == BillingMode.PROVISIONED
                        ? ", read=" + readCapacityUnits + ", write=" + writeCapacityUnits
                        : "")
                + ", wait="
                + waitUntilActive
                + "]";
    }
}
