package ru.msed.appeal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What a citizen may attach: the extension must be allowed and the content must be what the extension
 * says (a script renamed to .pdf is refused). The stored type comes from here, never from the client.
 */
final class AttachmentTypes {

    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "odt", "application/vnd.oasis.opendocument.text",
            "txt", "text/plain; charset=UTF-8");
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private AttachmentTypes() {
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The content type to store, or null when the name or the content is not an allowed type. */
    static String typeOf(String fileName, byte[] content) {
        String extension = extension(fileName);
        boolean matches = switch (extension) {
            case "pdf" -> startsWith(content, PDF);
            case "jpg", "jpeg" -> startsWith(content, JPEG);
            case "png" -> startsWith(content, PNG);
            case "docx", "odt" -> startsWith(content, ZIP);
            case "txt" -> isText(content);
            default -> false;
        };
        return matches ? TYPES.get(extension) : null;
    }

    /** The name without any path, control characters or more than 150 characters. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>\"]", "_").strip();
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static boolean isText(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
