package ru.msed.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.document.AttachmentService;
import ru.msed.document.AttachmentService.StoredFile;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;
import ru.msed.web.UserInputException;

/**
 * A printable copy (PDF, PDFBox) with the e-signature mark as GOST R 7.0.97-2016 shows it:
 * «ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ», the certificate's serial number, owner and validity.
 * A PDF original gets the mark on its last page; any other file gets a page with the card.
 */
@Component
public class PrintableCopy {

    private final DateTimeFormatter date;

    private final DocumentService documents;
    private final AttachmentService attachments;
    private final SignatureService signatures;

    PrintableCopy(DocumentService documents, AttachmentService attachments, SignatureService signatures, Clock clock) {
        this.date = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(clock.getZone());
        this.documents = documents;
        this.attachments = attachments;
        this.signatures = signatures;
    }

    @Transactional(readOnly = true)
    public byte[] pdf(long documentId) {
        Document document = documents.document(documentId);
        DocumentSignature signature = signatures.currentSignature(documentId)
                .orElseThrow(() -> new UserInputException("Текущая версия файла документа не подписана."));
        StoredFile file = attachments.latest(documentId).orElseThrow();
        try (PDDocument pdf = openOrNew(file);
                InputStream fontFile = getClass().getResourceAsStream("/fonts/DejaVuSans.ttf");
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(pdf, fontFile);
            PDPage page;
            if (pdf.getNumberOfPages() == 0) {
                page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    lines(text, font, 11, 50, 780, List.of(
                            "Регистрационный номер: " + value(document.getRegistrationNumber()) + " от "
                                    + (document.getRegistrationDate() == null ? "—" : document.getRegistrationDate()),
                            "Адресаты: " + value(document.getAddressees()),
                            "Краткое содержание: " + value(document.getSummary()),
                            "Подписант: " + value(document.getSignatory()),
                            "Файл: " + file.info().fileName() + " (SHA-256 " + file.info().sha256() + ")"));
                }
            } else {
                page = pdf.getPage(pdf.getNumberOfPages() - 1);
            }
            try (PDPageContentStream stamp = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                List<String> mark = mark(signature);
                float height = 16 + 13 * mark.size();
                stamp.setLineWidth(1.2f);
                stamp.addRect(40, 40, 330, height);
                stamp.stroke();
                lines(stamp, font, 9, 50, 40 + height - 16, mark);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> mark(DocumentSignature signature) {
        List<String> mark = new ArrayList<>();
        if (SignatureService.SIMPLE.equals(signature.getKind())) {
            mark.add("ДОКУМЕНТ ПОДПИСАН ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ");
            mark.add("Подписал: " + signature.getSigner());
            mark.add("Дата подписания: " + date.format(signature.getSignedAt()));
            mark.add("SHA-256 файла: " + signature.getFileSha256().substring(0, 32) + "…");
        } else {
            mark.add("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ");
            mark.add("Сертификат: " + signature.getCertificateSerial());
            mark.add("Владелец: " + signature.getCertificateOwner());
            mark.add("Действителен: с " + date.format(signature.getValidFrom()) + " по " + date.format(signature.getValidTo()));
        }
        return mark;
    }

    private static void lines(PDPageContentStream stream, PDType0Font font, float size, float x, float y, List<String> lines)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setLeading(size + 4);
        stream.newLineAtOffset(x, y);
        for (String line : lines) {
            stream.showText(line.length() > 110 ? line.substring(0, 109) + "…" : line);
            stream.newLine();
        }
        stream.endText();
    }

    /** The original PDF to stamp, or an empty document (other formats, or a PDF that does not open) for a card page. */
    private static PDDocument openOrNew(StoredFile file) {
        boolean pdf = "application/pdf".equals(file.info().contentType()) || file.info().fileName().toLowerCase().endsWith(".pdf");
        if (pdf) {
            try {
                return Loader.loadPDF(file.content());
            } catch (IOException e) {
                return new PDDocument();
            }
        }
        return new PDDocument();
    }

    private static String value(String text) {
        return text == null ? "—" : text;
    }
}
