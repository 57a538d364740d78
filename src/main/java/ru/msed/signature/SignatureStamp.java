package ru.msed.signature;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Puts the e-signature mark (GOST R 7.0.97: in the place of the signature requisite) where it
 * covers nothing: in the free area at the bottom of the last page — found by rendering the page,
 * so text, lines, images and footers all count — if the mark fits there, otherwise on an added
 * signature sheet («Лист подписания») that also lists the visas. Always on a white background.
 */
final class SignatureStamp {

    /** One visa for the signature sheet: who (name and position), decision, remarks, date, the file version's hash. */
    record VisaLine(String approver, String decision, String remarks, String date, String fileSha256) {
    }

    static final float MARGIN = 36;
    private static final float MARK_WIDTH = 300;
    private static final float FONT_SIZE = 8.5f;
    private static final float LEADING = 12;
    private static final float PADDING = 6;
    /** Rendering resolution for finding free space: a point is a pixel. */
    private static final float DPI = 72;
    private static final int WHITE_ENOUGH = 245;

    private SignatureStamp() {
    }

    /** Stamps the last page or adds a signature sheet; {@code header} heads that sheet (number, date, file). */
    static byte[] stamp(PDDocument pdf, List<String> mark, List<String> header, List<VisaLine> visas) throws IOException {
        try (InputStream fontFile = SignatureStamp.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(pdf, fontFile);
            List<String> lines = wrap(mark, font, FONT_SIZE, MARK_WIDTH - 2 * PADDING);
            float height = 2 * PADDING + LEADING * lines.size();
            float[] place = pdf.getNumberOfPages() == 0 ? null : freePlace(pdf, pdf.getNumberOfPages() - 1, height);
            if (place != null) {
                drawMark(pdf, pdf.getPage(pdf.getNumberOfPages() - 1), font, lines, place[0], place[1], height);
            } else {
                signatureSheet(pdf, font, lines, height, header, visas);
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /**
     * Lower-left corner of a {@link #MARK_WIDTH} × height box in the page's free bottom area: the left
     * place under the text first, then the right; null when neither fits.
     */
    static float[] freePlace(PDDocument pdf, int pageIndex, float height) throws IOException {
        PDPage page = pdf.getPage(pageIndex);
        PDRectangle box = page.getCropBox();
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(pageIndex, DPI, ImageType.GRAY);
        float scale = image.getHeight() / box.getHeight();
        for (float x : new float[] {MARGIN, box.getWidth() - MARGIN - MARK_WIDTH}) {
            int lowestContent = lowestContentRow(image, Math.round(x * scale), Math.round((x + MARK_WIDTH) * scale));
            // Free from just below the lowest content to the bottom margin.
            float freeTop = lowestContent < 0 ? box.getHeight() - MARGIN : box.getHeight() - (lowestContent + 1) / scale - PADDING;
            if (freeTop - MARGIN >= height) {
                return new float[] {box.getLowerLeftX() + x, box.getLowerLeftY() + MARGIN};
            }
        }
        return null;
    }

    /** The lowest pixel row (from the top) with anything darker than paper between the columns; -1 if blank. */
    private static int lowestContentRow(BufferedImage image, int fromX, int toX) {
        int from = Math.max(0, fromX);
        int to = Math.min(image.getWidth(), toX);
        for (int y = image.getHeight() - 1; y >= 0; y--) {
            for (int x = from; x < to; x++) {
                if ((image.getRGB(x, y) & 0xFF) < WHITE_ENOUGH) {
                    return y;
                }
            }
        }
        return -1;
    }

    private static void drawMark(PDDocument pdf, PDPage page, PDType0Font font, List<String> lines, float x, float y, float height)
            throws IOException {
        try (PDPageContentStream stamp = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            stamp.setNonStrokingColor(1f, 1f, 1f);
            stamp.addRect(x, y, MARK_WIDTH, height);
            stamp.fill();
            stamp.setStrokingColor(0.1f, 0.2f, 0.55f);
            stamp.setLineWidth(1.2f);
            stamp.addRect(x, y, MARK_WIDTH, height);
            stamp.stroke();
            stamp.setNonStrokingColor(0.1f, 0.2f, 0.55f);
            text(stamp, font, FONT_SIZE, x + PADDING, y + height - PADDING - FONT_SIZE, lines);
        }
    }

    private static void signatureSheet(PDDocument pdf, PDType0Font font, List<String> markLines, float markHeight,
            List<String> header, List<VisaLine> visas) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        lines.addAll(wrap(header, font, 10, width));
        lines.add("");
        if (visas.isEmpty()) {
            lines.add("Визы: нет.");
        } else {
            lines.add("Визы:");
            int n = 1;
            for (VisaLine visa : visas) {
                lines.addAll(wrap(List.of(n++ + ". " + visa.approver() + " — " + visa.decision()
                        + (visa.remarks() == null ? "" : " («" + visa.remarks() + "»)") + ", " + visa.date()
                        + ", файл SHA-256 " + visa.fileSha256()), font, 10, width));
            }
        }
        float top = PDRectangle.A4.getHeight() - MARGIN;
        try (PDPageContentStream sheet = new PDPageContentStream(pdf, page)) {
            text(sheet, font, 14, MARGIN, top - 14, List.of("Лист подписания"));
            text(sheet, font, 10, MARGIN, top - 40, lines);
        }
        float markTop = top - 40 - 14 * lines.size() - 20;
        drawMark(pdf, page, font, markLines, MARGIN, Math.max(MARGIN, markTop - markHeight), markHeight);
    }

    private static void text(PDPageContentStream stream, PDType0Font font, float size, float x, float y, List<String> lines)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setLeading(size < 10 ? LEADING : size + 4);
        stream.newLineAtOffset(x, y);
        for (String line : lines) {
            stream.showText(line);
            stream.newLine();
        }
        stream.endText();
    }

    /** Breaks lines at spaces so that each fits the width in the font at the mark's size. */
    static List<String> wrap(List<String> lines, PDType0Font font, float size, float width) {
        List<String> wrapped = new ArrayList<>();
        try {
            for (String line : lines) {
                StringBuilder current = new StringBuilder();
                for (String word : line.split(" ")) {
                    String candidate = current.isEmpty() ? word : current + " " + word;
                    if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                        wrapped.add(current.toString());
                        current = new StringBuilder(word);
                    } else {
                        current = new StringBuilder(candidate);
                    }
                }
                wrapped.add(current.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wrapped;
    }
}
