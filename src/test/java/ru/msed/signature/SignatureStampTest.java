package ru.msed.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The signature mark never covers the document: checked by rendering. The pixels the stamping
 * changed outline the mark; under that outline the original page must be blank paper.
 */
class SignatureStampTest {

    private static final List<String> MARK = List.of("ДОКУМЕНТ ПОДПИСАН ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ",
            "Подписал: Петров С. Н., Министр", "Дата подписания: 30.11.2026", "SHA-256 файла: 0123456789abcdef0123456789abcdef…");
    private static final List<String> HEADER = List.of("Документ: Исх-1/26 от 30.11.2026", "Краткое содержание: О плане работ",
            "Файл: письмо.pdf (SHA-256 0123…)");
    private static final List<SignatureStamp.VisaLine> VISAS = List.of(
            new SignatureStamp.VisaLine("Соколова Е. В., Ведущий специалист", "согласовано с замечаниями", "Уточнить срок",
                    "27.11.2026", "0123456789abcdef…"),
            new SignatureStamp.VisaLine("Волков Д. А., Юрисконсульт", "согласовано", null, "28.11.2026", "0123456789abcdef…"),
            new SignatureStamp.VisaLine("Морозова О. С., Контролёр", "согласовано", null, "29.11.2026", "0123456789abcdef…"));

    @Test
    void aPageWithRoomGetsTheMarkUnderTheTextWithoutCoveringIt() throws IOException {
        byte[] letter = letter(20, false);
        byte[] stamped = stamp(letter);

        try (PDDocument before = Loader.loadPDF(letter); PDDocument after = Loader.loadPDF(stamped)) {
            assertThat(after.getNumberOfPages()).isEqualTo(1);
            BufferedImage original = render(before, 0);
            Rectangle mark = changed(original, render(after, 0));
            assertThat(mark).as("the mark was drawn").isNotNull();
            assertThat(blank(original, mark)).as("nothing of the letter under the mark at %s", mark).isTrue();
            assertThat(mark.y).as("in the lower part of the page").isGreaterThan(original.getHeight() / 2);
        }
        String text = text(stamped);
        assertThat(text).contains("ДОКУМЕНТ ПОДПИСАН ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ\nПодписал: Петров С. Н., Министр\n"
                + "Дата подписания: 30.11.2026");
        assertThat(text).doesNotContain("Лист подписания");
    }

    @Test
    void aFullLastPageKeepsItsContentAndTheMarkGoesOnASignatureSheetWithTheVisas() throws IOException {
        byte[] letter = letter(52, true);
        byte[] stamped = stamp(letter);

        try (PDDocument before = Loader.loadPDF(letter); PDDocument after = Loader.loadPDF(stamped)) {
            assertThat(after.getNumberOfPages()).isEqualTo(2);
            assertThat(changed(render(before, 0), render(after, 0))).as("the letter's page untouched").isNull();
        }
        String sheet = text(stamped).substring(text(stamped).indexOf("Лист подписания"));
        assertThat(sheet).contains("Документ: Исх-1/26 от 30.11.2026")
                .contains("1. Соколова Е. В., Ведущий специалист — согласовано с замечаниями («Уточнить срок»),\n27.11.2026")
                .contains("3. Морозова О. С., Контролёр — согласовано, 29.11.2026")
                .contains("ДОКУМЕНТ ПОДПИСАН ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ\nПодписал: Петров С. Н., Министр");
        assertThat(sheet.indexOf("Визы:")).isLessThan(sheet.indexOf("ДОКУМЕНТ ПОДПИСАН"));
    }

    @Test
    void aMarkOverARightHandFooterStillFindsTheFreeLeftCorner() throws IOException {
        byte[] letter = letterWithFooterRight();
        byte[] stamped = stamp(letter);
        try (PDDocument before = Loader.loadPDF(letter); PDDocument after = Loader.loadPDF(stamped)) {
            assertThat(after.getNumberOfPages()).isEqualTo(1);
            BufferedImage original = render(before, 0);
            Rectangle mark = changed(original, render(after, 0));
            assertThat(blank(original, mark)).isTrue();
        }
    }

    private static byte[] stamp(byte[] letter) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(letter)) {
            return SignatureStamp.stamp(pdf, MARK, HEADER, VISAS);
        }
    }

    /** A letter of so many lines from the top; with a footer rule and page number at the very bottom. */
    private static byte[] letter(int lines, boolean footer) throws IOException {
        try (PDDocument pdf = new PDDocument(); InputStream fontFile = SignatureStampTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType0Font font = PDType0Font.load(pdf, fontFile);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(font, 11);
                content.setLeading(14.5f);
                content.newLineAtOffset(60, 790);
                for (int i = 1; i <= lines; i++) {
                    content.showText("Строка " + i + " письма о плане работ на следующий год и отчёте об исполнении поручения.");
                    content.newLine();
                }
                content.endText();
                if (footer) {
                    content.moveTo(60, 40);
                    content.lineTo(535, 40);
                    content.stroke();
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(60, 28);
                    content.showText("Исполнитель: Иванов И. И., тел. 8 (000) 000-00-00                    стр. 1 из 1");
                    content.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** Half a page of text and a stamp-like image block at the bottom right. */
    private static byte[] letterWithFooterRight() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(letter(25, false)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try (PDPageContentStream content = new PDPageContentStream(pdf, pdf.getPage(0), PDPageContentStream.AppendMode.APPEND, true)) {
                content.addRect(350, 36, 210, 200);
                content.fill();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static BufferedImage render(PDDocument pdf, int page) throws IOException {
        return new PDFRenderer(pdf).renderImageWithDPI(page, 72, ImageType.GRAY);
    }

    /** The bounding box of the pixels that differ, or null when the pages look the same. */
    private static Rectangle changed(BufferedImage before, BufferedImage after) {
        Rectangle box = null;
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                if (Math.abs((before.getRGB(x, y) & 0xFF) - (after.getRGB(x, y) & 0xFF)) > 16) {
                    box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return box;
    }

    private static boolean blank(BufferedImage image, Rectangle area) {
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                if ((image.getRGB(x, y) & 0xFF) < 245) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace("\r", "");
        }
    }
}
