package dev.dynamorm.plugin.encryption.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the JCA: a 96-bit random nonce per message, a 128-bit tag, associated data.
 * Public for the key providers of the exported package; the package is not exported.
 */
public final class Aead {

    /** Bytes of a nonce. */
    public static final int NONCE_BYTES = 12;

    /** Bytes of the authentication tag. */
    public static final int TAG_BYTES = 16;

    /** Bytes of a key. */
    public static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {}

    /**
     * Random bytes from a shared {@link SecureRandom}.
     *
     * @param n how many
     * @return the bytes
     */
    public static byte[] random(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }

    /**
     * Encrypts.
     *
     * @param key 32 bytes
     * @param nonce 12 bytes, never reused with the same key
     * @param plaintext the message
     * @param aad the associated data
     * @return ciphertext followed by the 16-byte tag
     */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            c.updateAAD(aad);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts and authenticates.
     *
     * @param key 32 bytes
     * @param nonce 12 bytes
     * @param ciphertext ciphertext followed by the tag
     * @param aad the associated data given to {@link #seal}
     * @return the plaintext
     * @throws AEADBadTagException when the ciphertext, nonce, key or associated data differ
     */
    public static byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, byte[] aad)
            throws AEADBadTagException {
        if (ciphertext.length < TAG_BYTES) {
            throw new AEADBadTagException("ciphertext shorter than the tag");
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, key, nonce);
            c.updateAAD(aad);
            return c.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed: " + e.getMessage(), e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce)
            throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "AES-256 needs a 32-byte key, got " + key.length + " bytes");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException(
                    "AES-GCM nonce must have 12 bytes, got " + nonce.length);
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        return c;
    }

    /**
     * Overwrites key material.
     *
     * @param secret the bytes, or null
     */
    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * The canonical bytes of an encryption context: entries sorted by key, each key and value as a
     * 32-bit big-endian length and UTF-8 bytes, after a 32-bit count.
     *
     * @param context the context
     * @return the bytes
     */
    public static byte[] context(java.util.Map<String, String> context) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.List<String> keys = new java.util.ArrayList<>(context.keySet());
        keys.sort(
                (a, b) ->
                        Arrays.compareUnsigned(
                                a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        writeInt(out, keys.size());
        for (String k : keys) {
            writeString(out, k);
            writeString(out, context.get(k));
        }
        return out.toByteArray();
    }

    /**
     * Appends a length-prefixed UTF-8 string: the framing of encryption contexts and of the
     * envelopes' associated data.
     *
     * @param out the buffer
     * @param s the string
     */
    public static void writeString(java.io.ByteArrayOutputStream out, String s) {
        writeBytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Appends bytes after their 32-bit big-endian length.
     *
     * @param out the buffer
     * @param bytes the bytes
     */
    public static void writeBytes(java.io.ByteArrayOutputStream out, byte[] bytes) {
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /**
     * Appends a 32-bit big-endian integer.
     *
     * @param out the buffer
     * @param v the value
     */
    public static void writeInt(java.io.ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
