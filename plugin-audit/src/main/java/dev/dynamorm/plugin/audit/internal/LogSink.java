package dev.dynamorm.plugin.audit.internal;

import dev.dynamorm.plugin.audit.AuditRecord;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs the records of one write request on logger {@code dev.dynamorm.audit} at the configured
 * level: a single record as one JSON object, several as JSON arrays of at most {@code batchSize}
 * records per line (so 1 000 batch puts are 40 lines, one per request of 25 items, not 1 000).
 */
final class LogSink {

    private static final Logger AUDIT = LoggerFactory.getLogger("dev.dynamorm.audit");

    private final Level level;
    private final int batchSize;

    LogSink(Level level, int batchSize) {
        this.level = level;
        this.batchSize = batchSize;
    }

    void write(List<AuditRecord> records) {
        if (records.isEmpty() || !AUDIT.isEnabledForLevel(level)) {
            return;
        }
        if (records.size() == 1) {
            AUDIT.atLevel(level).log("{}", records.get(0).toJson());
            return;
        }
        for (int from = 0; from < records.size(); from += batchSize) {
            List<AuditRecord> chunk =
                    records.subList(from, Math.min(records.size(), from + batchSize));
            StringBuilder line = new StringBuilder(chunk.size() * 256).append('[');
            for (int i = 0; i < chunk.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(chunk.get(i).toJson());
            }
            AUDIT.atLevel(level).log("{}", line.append(']'));
        }
    }
}
