package ru.msed.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.approval.ApprovalService;
import ru.msed.approval.Visa;
import ru.msed.document.AttachmentService;
import ru.msed.document.AttachmentService.StoredFile;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;
import ru.msed.organization.OrganizationService;
import ru.msed.web.UserInputException;

/**
 * A printable copy (PDF, PDFBox) with the e-signature mark as GOST R 7.0.97-2016 shows it:
 * «ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ», who signed (name and position), for an enhanced
 * signature the certificate's serial number, owner and validity. A PDF original gets the mark in the
 * free area at the bottom of its last page, or on an added signature sheet with the visas when there
 * is no room ({@link SignatureStamp}); any other file gets a page with the card first.
 */
@Component
public class PrintableCopy {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Map<String, String> DECISIONS = Map.of("APPROVE", "согласовано",
            "APPROVE_WITH_REMARKS", "согласовано с замечаниями", "REJECT", "отклонено");

    private final DocumentService documents;
    private final AttachmentService attachments;
    private final SignatureService signatures;
    private final ApprovalService approval;
    private final OrganizationService organizations;
    /** Dates in the organizations' time zone ({@code msed.time-zone}), as the clock has it. */
    private final DateTimeFormatter date;

    PrintableCopy(DocumentService documents, AttachmentService attachments, SignatureService signatures,
            ApprovalService approval, OrganizationService organizations, Clock clock) {
        this.date = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(clock.getZone());
        this.documents = documents;
        this.attachments = attachments;
        this.signatures = signatures;
        this.approval = approval;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public byte[] pdf(long documentId) {
        Document document = documents.document(documentId);
        DocumentSignature signature = signatures.currentSignature(documentId)
                .orElseThrow(() -> new UserInputException("Текущая версия файла документа не подписана."));
        StoredFile file = attachments.latest(documentId).orElseThrow();
        List<String> requisites = List.of(
                "Документ: " + value(document.getRegistrationNumber()) + " от "
                        + (document.getRegistrationDate() == null ? "—" : DAY.format(document.getRegistrationDate())),
                "Адресаты: " + value(document.getAddressees()),
                "Краткое содержание: " + value(document.getSummary()),
                "Файл: " + file.info().fileName() + " (SHA-256 " + file.info().sha256() + ")");
        try (PDDocument pdf = openOrNew(file)) {
            if (pdf.getNumberOfPages() == 0) {
                cardPage(pdf, requisites);
            }
            return SignatureStamp.stamp(pdf, mark(signature, nameOf(signature.getSigner())), requisites,
                    approval.visas(documentId).stream().map(this::visaLine).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> mark(DocumentSignature signature, String signer) {
        List<String> mark = new ArrayList<>();
        if (SignatureService.SIMPLE.equals(signature.getKind())) {
            mark.add("ДОКУМЕНТ ПОДПИСАН ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ");
            mark.add("Подписал: " + signer);
            mark.add("Дата подписания: " + date.format(signature.getSignedAt()));
            mark.add("SHA-256 файла: " + signature.getFileSha256().substring(0, 32) + "…");
        } else {
            mark.add("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ");
            mark.add("Подписал: " + signer);
            mark.add("Сертификат: " + signature.getCertificateSerial());
            mark.add("Владелец: " + signature.getCertificateOwner());
            mark.add("Действителен: с " + date.format(signature.getValidFrom()) + " по " + date.format(signature.getValidTo()));
        }
        return mark;
    }

    /** «Петров С. Н., Министр»; the login only for someone who is no employee. */
    private String nameOf(String userId) {
        return organizations.findEmployee(userId).map(e -> e.shortName() + ", " + e.getPosition()).orElse(userId);
    }

    private SignatureStamp.VisaLine visaLine(Visa visa) {
        return new SignatureStamp.VisaLine(nameOf(visa.getApprover()), DECISIONS.getOrDefault(visa.getDecision(), visa.getDecision()),
                visa.getComment(), visa.getDecidedAt() == null ? "—" : date.format(visa.getDecidedAt()),
                visa.getFileSha256().substring(0, 16) + "…");
    }

    private static void cardPage(PDDocument pdf, List<String> requisites) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        try (InputStream fontFile = PrintableCopy.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
                PDPageContentStream text = new PDPageContentStream(pdf, page)) {
            PDType0Font font = PDType0Font.load(pdf, fontFile);
            text.beginText();
            text.setFont(font, 11);
            text.setLeading(15);
            text.newLineAtOffset(50, 780);
            for (String line : SignatureStamp.wrap(requisites, font, 11, 495)) {
                text.showText(line);
                text.newLine();
            }
            text.endText();
        }
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
