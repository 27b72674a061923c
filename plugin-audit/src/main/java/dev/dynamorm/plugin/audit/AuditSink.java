package dev.dynamorm.plugin.audit;

/**
 * Receives audit records. Built-in sinks write an SLF4J line and a DynamoDB table; add your own
 * with {@link AuditConfig.Builder#sink(AuditSink)} or through {@link java.util.ServiceLoader}.
 * Called on the writing thread after the write succeeded; an exception is logged and never fails
 * the write.
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * Stores or forwards one record.
     *
     * @param record the record
     */
    void write(AuditRecord record);
}
