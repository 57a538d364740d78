package ru.msed.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Transport containers as an outside system would send them: a passport naming a document (and its
 * signature), with knobs for each way a container can be wrong.
 */
final class ContainerBuilder {

    String uid = UUID.randomUUID().toString();
    String declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    String doctype = "";
    String annotation = "О представлении отчёта о выполнении программы";
    String documentName = "letter.pdf";
    byte[] document = ("%PDF-1.4 письмо " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String declaredHash;
    String signatureName;
    byte[] signature;
    final Map<String, byte[]> extra = new LinkedHashMap<>();
    boolean leaveOutDocument;
    String passportOverride;

    ContainerBuilder signedWith(byte[] cms) {
        signatureName = documentName + ".p7s";
        signature = cms;
        return this;
    }

    String passport() {
        if (passportOverride != null) {
            return passportOverride;
        }
        return declaration + doctype + """
                <container xmlns="http://minsvyaz.ru/container" version="2.7" uid="%s">
                  <requisites>
                    <documentKind>Письмо</documentKind>
                    <annotation>%s</annotation>
                  </requisites>
                  <authors>
                    <author>
                      <organization code="EXT-GOV" title="Правительство соседней области"/>
                      <registration number="01-15/777" date="2026-11-02"/>
                      <sign><person name="Сидоров А. А." post="Губернатор"/></sign>
                    </author>
                  </authors>
                  <document localName="%s" sha256="%s"%s/>
                </container>
                """.formatted(uid, annotation, documentName, declaredHash != null ? declaredHash : sha256(document),
                signatureName == null ? "" : " signature=\"" + signatureName + "\"");
    }

    byte[] zip() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("passport.xml", passport().getBytes(StandardCharsets.UTF_8));
        if (!leaveOutDocument) {
            entries.put(documentName, document);
        }
        if (signatureName != null) {
            entries.put(signatureName, signature);
        }
        entries.putAll(extra);
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A valid-looking container whose document unpacks to {@code megabytes} of zeros. */
    static byte[] bomb(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("passport.xml"));
            zip.write(new ContainerBuilder().passport().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("letter.pdf"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
