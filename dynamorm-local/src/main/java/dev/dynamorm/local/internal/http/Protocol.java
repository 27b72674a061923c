package dev.dynamorm.local.internal.http;

import java.util.UUID;
import java.util.zip.CRC32;

/** DynamoDB JSON 1.0 protocol constants shared by the in-process client and the HTTP listener. */
final class Protocol {
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String PREFIX = "DynamoDB_20120810.";

    private Protocol() {
    }

    static String operation(String target) {
        return target != null && target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : target;
    }

    static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }
}
