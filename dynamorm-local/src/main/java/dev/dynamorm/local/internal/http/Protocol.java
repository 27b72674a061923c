package dev.dynamorm.local.internal.http;

import java.util.UUID;
import java.util.zip.CRC32;

/** DynamoDB JSON 1.0 protocol constants shared by the in-process client and the HTTP listener. */
final class Protocol {
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String PREFIX = "DynamoDB_20120810.";

    private Protocol() {}

    static String operation(String target) {
        return target != null && target.startsWith(PREFIX)
                ? target.substring(PREFIX.length())
                : target;
    }

    private static final long RUN = UUID.randomUUID().getMostSignificantBits();
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * A request id unique in this process (random per run plus a sequence number); cheaper than a
     * random UUID.
     */
    static String requestId() {
        return hex16(RUN) + hex16(SEQUENCE.incrementAndGet());
    }

    private static String hex16(long v) {
        String h = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        return "0000000000000000".substring(h.length()) + h;
    }

    static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }
}
