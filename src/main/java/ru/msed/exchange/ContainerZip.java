package ru.msed.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import ru.msed.web.UserInputException;

/**
 * The ZIP of a transport container, read defensively before anything in it is believed: a ZIP at
 * all, every file in the root (no folders, no paths, no «..»), each name once, at most
 * {@code maxEntries} files, and the bytes actually unpacked counted as they come — over
 * {@code unpackedMaxSize} in all, or over {@code maxRatio} bytes per byte of the archive, reading stops
 * (a zip bomb never unpacks). Limits are {@code msed.exchange.*}; every refusal is a Russian 400.
 */
@Component
class ContainerZip {

    /** A ratio this large is harmless below this size (a small text compresses well). */
    private static final long RATIO_FLOOR = 1024 * 1024;

    private final ExchangeProperties properties;

    ContainerZip(ExchangeProperties properties) {
        this.properties = properties;
    }

    /** The container's files by name, in the archive's order. */
    Map<String, byte[]> unpack(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw new UserInputException("Файл контейнера пустой.");
        }
        if (zip.length > properties.containerMaxSize().toBytes()) {
            throw new UserInputException("Контейнер больше допустимых " + properties.containerMaxSize().toMegabytes() + " МБ.");
        }
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K' || zip[2] != 3 || zip[3] != 4) {
            throw new UserInputException("Файл не является ZIP-архивом: транспортный контейнер — это ZIP с passport.xml и файлами документа.");
        }
        long limit = Math.min(properties.unpackedMaxSize().toBytes(), Math.max(RATIO_FLOOR, (long) properties.maxRatio() * zip.length));
        Map<String, byte[]> files = new LinkedHashMap<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                checkName(name, entry.isDirectory());
                if (files.containsKey(name)) {
                    throw new UserInputException("Файл «" + name + "» встречается в контейнере дважды.");
                }
                if (files.size() >= properties.maxEntries()) {
                    throw new UserInputException("В контейнере больше " + properties.maxEntries() + " файлов.");
                }
                byte[] content = read(in, limit - unpacked, zip.length);
                unpacked += content.length;
                files.put(name, content);
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new UserInputException("ZIP-архив контейнера повреждён или не читается: " + e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("ZIP-архив контейнера не читается: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UserInputException("Файл не является ZIP-архивом или архив пуст: в контейнере нет ни одного файла.");
        }
        return files;
    }

    private static void checkName(String name, boolean directory) {
        if (directory) {
            throw new UserInputException("В контейнере папка «" + name + "»: все файлы контейнера лежат в его корне.");
        }
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.indexOf(':') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            throw new UserInputException("Недопустимое имя файла «" + name + "»: файлы контейнера лежат в его корне, пути и «..» запрещены.");
        }
    }

    /** Reads an entry, stopping as soon as the container unpacks to more than it may. */
    private byte[] read(InputStream in, long left, long archiveSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > left) {
                throw new UserInputException("Контейнер распаковывается больше допустимого (не более "
                        + properties.unpackedMaxSize().toMegabytes() + " МБ и не более " + properties.maxRatio()
                        + " байт на байт архива из " + archiveSize + "): похоже на ZIP-бомбу, контейнер не принят.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A container: the files in this order, all in the root. */
    static byte[] pack(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
