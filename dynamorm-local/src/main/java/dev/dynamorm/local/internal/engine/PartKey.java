package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.KeyOrder;
import dev.dynamorm.local.internal.value.Value;
import dev.dynamorm.local.internal.wire.AttributeCodec;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.zip.CRC32;

/**
 * A partition key value with a stable hash; partitions are ordered by hash, like DynamoDB scans.
 */
record PartKey(int hash, Value value) {
    static final Comparator<PartKey> ORDER =
            Comparator.<PartKey>comparingLong(p -> Integer.toUnsignedLong(p.hash))
                    .thenComparing(PartKey::value, KeyOrder.INSTANCE);

    static PartKey of(Value v) {
        CRC32 crc = new CRC32();
        update(crc, v);
        return new PartKey((int) crc.getValue(), v);
    }

    /**
     * Hashes what identifies the value: numbers in canonical form (1 and 1.0 are one partition),
     * and a composite multi-attribute key element by element.
     */
    private static void update(CRC32 crc, Value v) {
        crc.update(v.type().charAt(0));
        if (v instanceof Value.B b) {
            crc.update(b.v().toArray());
        } else if (v instanceof Value.N n) {
            crc.update(
                    dev.dynamorm.local.internal.value.Numbers.format(n.v())
                            .getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Value.S s) {
            crc.update(s.v().getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Value.L l) {
            for (Value e : l.v()) {
                update(crc, e);
                crc.update(0);
            }
        } else {
            crc.update(AttributeCodec.toJson(v).toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    int segment(int totalSegments) {
        return (int) ((Integer.toUnsignedLong(hash) * totalSegments) >>> 32);
    }
}
