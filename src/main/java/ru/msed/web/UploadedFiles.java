package ru.msed.web;

import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * What an upload declares about a file — its name and content type — checked and normalized before
 * anything is stored: names at most {@value #MAX_NAME} characters (the columns' size) without path or
 * control characters; a content type that parses (otherwise guessed from the name), so the file can
 * always be served back.
 */
public final class UploadedFiles {

    public static final int MAX_NAME = 255;

    private UploadedFiles() {
    }

    /** The file's name as stored and shown; a Russian 400 if there is none or it is too long. */
    public static String name(String declared) {
        String name = declared == null ? "" : declared;
        // Some browsers send the whole client path.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            throw new UserInputException("У файла нет имени.");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new UserInputException("Имя файла длиннее " + MAX_NAME + " символов ("
                    + name.codePointCount(0, name.length()) + "): сократите его и загрузите файл снова.");
        }
        return name;
    }

    /** A well-formed type/subtype (with its charset, if any), or the type the name suggests. */
    public static String contentType(String declared, String fileName) {
        try {
            if (declared != null && !declared.isBlank()) {
                MediaType type = MediaType.parseMediaType(declared);
                if (!type.isWildcardType() && !type.isWildcardSubtype()) {
                    MediaType kept = type.getCharset() == null ? new MediaType(type.getType(), type.getSubtype())
                            : new MediaType(type.getType(), type.getSubtype(), type.getCharset());
                    String value = kept.toString().toLowerCase(Locale.ROOT);
                    if (value.length() <= MAX_NAME) {
                        return value;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // Guessed from the name below.
        }
        return MediaTypeFactory.getMediaType(fileName == null ? "" : fileName)
                .orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
    }

    /** The stored type to serve a file with; files stored before the check may carry a broken one. */
    public static MediaType servable(String stored) {
        try {
            return MediaType.parseMediaType(stored);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
