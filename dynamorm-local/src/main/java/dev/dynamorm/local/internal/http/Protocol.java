package dev.dynamorm.local.internal.http;

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

    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    /** A request id shaped like DynamoDB's: 52 characters of upper-case letters and digits. */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom random =
                java.util.concurrent.ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }
}
