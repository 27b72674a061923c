package dev.dynamorm.engine.internal.query;

import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.Operation;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts cursors with the instance's cursor key: the URL-safe Base64 of version byte 2, a 12-byte
 * random nonce, and the AES-GCM encryption (128-bit tag) of the plain cursor's bytes (see {@link
 * CursorCodec}), with the version byte as associated data.
 */
final class CursorSeal {

    static final byte VERSION = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CursorSeal() {}

    /** Encrypts a plain cursor. */
    static String seal(SecretKey key, String plainCursor) {
        byte[] plain = Base64.getUrlDecoder().decode(plainCursor);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(new byte[] {VERSION});
            byte[] sealed = gcm.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
            out.put(VERSION).put(nonce).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /**
     * Decrypts a cursor made by {@link #seal}, giving the plain cursor.
     *
     * @throws InvalidCursorException when it is not encrypted, altered, or made with another key
     */
    static String open(SecretKey key, String cursor, Class<?> model, Operation op) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(cursor.trim());
        } catch (IllegalArgumentException e) {
            throw CursorCodec.invalid(model, op, "is not a DynamORM cursor (not URL-safe Base64)");
        }
        if (all.length == 0 || all[0] != VERSION) {
            throw CursorCodec.invalid(
                    model,
                    op,
                    "is not encrypted, and this instance encrypts its cursors (cursorKey): start"
                            + " the query again without after(..)");
        }
        if (all.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw CursorCodec.invalid(model, op, "is not a DynamORM cursor (too short)");
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 1, NONCE_BYTES));
            gcm.updateAAD(all, 0, 1);
            byte[] plain = gcm.doFinal(all, 1 + NONCE_BYTES, all.length - 1 - NONCE_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain);
        } catch (AEADBadTagException e) {
            throw CursorCodec.invalid(
                    model,
                    op,
                    "does not decrypt with this instance's cursor key: it was altered or made"
                            + " with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }
}
