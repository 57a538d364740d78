package ru.msed.appeal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import ru.msed.appeal.AppealReport.Line;

/**
 * The appeals report as an .xlsx workbook (Apache POI): a summary sheet with the terms and one sheet per
 * breakdown. Every value is written as a plain cell value, never a formula.
 */
@Component
class AppealReportWorkbook {

    static final String SUMMARY = "Сводка";

    byte[] write(AppealReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet summary = workbook.createSheet(SUMMARY);
            row(summary, 0, bold, "Обращения граждан, зарегистрированные с " + Appeals.DATE.format(report.from()) + " по "
                    + Appeals.DATE.format(report.to()) + " (состояние на " + Appeals.DATE.format(report.asOf()) + ")");
            AppealReport.Terms t = report.totals();
            String[][] lines = {{"Зарегистрировано", "" + t.registered()}, {"Рассмотрено (закрыто)", "" + t.closed()},
                {"На рассмотрении", "" + t.open()}, {"Переадресовано по компетенции", "" + t.forwarded()},
                {"Ответ дан в срок", "" + t.kept()}, {"Срок нарушен", "" + t.violated()}, {"Срок продлевался", "" + t.extended()}};
            for (int i = 0; i < lines.length; i++) {
                Row row = summary.createRow(2 + i);
                row.createCell(0).setCellValue(lines[i][0]);
                row.createCell(1).setCellValue(Long.parseLong(lines[i][1]));
            }
            summary.setColumnWidth(0, 40 * 256);
            lines(workbook, bold, "Тематика", "Раздел классификатора", report.byTopicSection());
            lines(workbook, bold, "Виды", "Вид обращения", report.byKind());
            lines(workbook, bold, "Формы", "Форма обращения", report.byReceiptForm());
            lines(workbook, bold, "Результаты", "Результат рассмотрения", report.byResult());
            Sheet executors = workbook.createSheet("Исполнители");
            row(executors, 0, bold, "Подразделение", "Исполнитель", "Обращений", "В срок", "Срок нарушен");
            int r = 1;
            for (AppealReport.ExecutorLine line : report.byExecutor()) {
                Row row = executors.createRow(r++);
                row.createCell(0).setCellValue(line.department());
                row.createCell(1).setCellValue(line.executorName());
                row.createCell(2).setCellValue(line.count());
                row.createCell(3).setCellValue(line.kept());
                row.createCell(4).setCellValue(line.violated());
            }
            executors.setColumnWidth(0, 40 * 256);
            executors.setColumnWidth(1, 28 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lines(XSSFWorkbook workbook, CellStyle bold, String sheetName, String header, List<Line> lines) {
        Sheet sheet = workbook.createSheet(sheetName);
        row(sheet, 0, bold, header, "Обращений");
        int r = 1;
        for (Line line : lines) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(line.code() == null ? line.name() : line.code() + " " + line.name());
            row.createCell(1).setCellValue(line.count());
        }
        sheet.setColumnWidth(0, 60 * 256);
    }

    private static void row(Sheet sheet, int index, CellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
            row.getCell(c).setCellStyle(style);
        }
    }
}
