package ru.msed.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A key is the lowercase hexadecimal SHA-256 of the content: nothing else ever names a stored object. */
public final class ContentKeys {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private ContentKeys() {
    }

    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    static String require(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("Not a content key: " + key);
        }
        return key;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
