package ru.msed.connection;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the one-time credentials sheet with AES-GCM under a key derived from a random token that
 * only the download link carries; the database keeps the ciphertext and the token's hash, so
 * neither a database dump nor a support engineer can read the passwords.
 */
final class CredentialsVault {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialsVault() {
    }

    static String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** What the database stores to find the request by token. */
    static String lookupHash(String token) {
        return HexFormat.of().formatHex(sha256(("lookup:" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static byte[] seal(String token, byte[] plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(token), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] open(String token, byte[] sealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key(token), new GCMParameterSpec(128, sealed, 0, 12));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }

    private static SecretKeySpec key(String token) {
        return new SecretKeySpec(sha256(("key:" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "AES");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
