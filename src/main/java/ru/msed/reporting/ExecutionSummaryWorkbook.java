package ru.msed.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import ru.msed.reporting.ExecutionSummary.Counts;

/** The execution summary as an .xlsx workbook (Apache POI): one row per executor, grouped by department, totals. */
@Component
class ExecutionSummaryWorkbook {

    static final String SHEET = "Исполнение поручений";
    static final String[] HEADER = {"Подразделение", "Исполнитель", "В срок", "С нарушением срока", "На исполнении",
        "Просрочено", "Всего"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    byte[] write(ExecutionSummary summary) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(bold);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);

            sheet.createRow(0).createCell(0).setCellValue("Исполнение поручений за период с "
                    + DATE.format(summary.from()) + " по " + DATE.format(summary.to())
                    + " (состояние на " + DATE.format(summary.asOf()) + ")");
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.length - 1));

            Row head = sheet.createRow(2);
            for (int c = 0; c < HEADER.length; c++) {
                head.createCell(c).setCellValue(HEADER[c]);
                head.getCell(c).setCellStyle(header);
            }
            int r = 3;
            for (ExecutionSummary.Row row : summary.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.department());
                line.createCell(1).setCellValue(row.executorName());
                counts(line, row.counts(), null);
            }
            Row totals = sheet.createRow(r);
            totals.createCell(0).setCellValue("Итого");
            totals.getCell(0).setCellStyle(bold);
            counts(totals, summary.totals(), bold);
            sheet.createFreezePane(0, 3);
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 28 * 256);
            for (int c = 2; c < HEADER.length; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void counts(Row line, Counts counts, CellStyle style) {
        long[] values = {counts.onTime(), counts.late(), counts.open(), counts.overdue(), counts.total()};
        for (int i = 0; i < values.length; i++) {
            line.createCell(2 + i).setCellValue(values[i]);
            if (style != null) {
                line.getCell(2 + i).setCellStyle(style);
            }
        }
    }
}
