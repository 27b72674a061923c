package dev.dynamorm.plugin.audit.internal;

import dev.dynamorm.plugin.audit.AuditRecord;
import dev.dynamorm.plugin.audit.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each record as one JSON line at INFO on logger {@code dev.dynamorm.audit}. */
final class LogSink implements AuditSink {

    private static final Logger AUDIT = LoggerFactory.getLogger("dev.dynamorm.audit");

    @Override
    public void write(AuditRecord record) {
        AUDIT.info("{}", record.toJson());
    }
}
