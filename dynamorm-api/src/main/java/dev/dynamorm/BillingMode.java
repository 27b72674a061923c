package dev.dynamorm;

/** How a table created from a model is billed. */
public enum BillingMode {
    /** On-demand capacity (the default). */
    PAY_PER_REQUEST,
    /** Provisioned read and write capacity units. */
    PROVISIONED
}
