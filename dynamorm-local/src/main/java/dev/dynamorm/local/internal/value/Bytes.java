package dev.dynamorm.local.internal.value;

import java.util.Arrays;
import java.util.Base64;

/** Immutable byte string with unsigned lexicographic ordering, as DynamoDB orders binary values. */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes copyOf(byte[] data) {
        return new Bytes(data.clone());
    }

    public static Bytes fromBase64(String base64) {
        return new Bytes(Base64.getDecoder().decode(base64));
    }

    /** Takes ownership of {@code data} (the caller keeps no reference to it). */
    static Bytes wrap(byte[] data) {
        return new Bytes(data);
    }

    /** The bytes themselves, for encoders in this package that only read them. */
    byte[] raw() {
        return data;
    }

    public byte[] toArray() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    public byte at(int i) {
        return data[i];
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(data);
    }

    public boolean startsWith(Bytes prefix) {
        return prefix.data.length <= data.length
                && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return base64();
    }
}
