package ru.msed.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The established Excel application form (Apache POI): an instruction sheet and the request
 * sheet with the organization's header block and the users' table, drop-down lists for roles
 * and actions, locked labels. The template's name and version travel as custom document
 * properties, so a workbook not made from it is recognised.
 */
@Component
public class ConnectionTemplate {

    static final String TEMPLATE_NAME = "msed-connection-request";
    static final String VERSION = "1";
    static final String PROPERTY_NAME = "MSED-Template";
    static final String PROPERTY_VERSION = "MSED-Template-Version";
    static final String INSTRUCTION_SHEET = "Инструкция";
    static final String REQUEST_SHEET = "Заявка";

    /** Header block: label in column A, value in column B, rows 2..10 (0-based 1..9). */
    enum HeaderField {
        FULL_NAME("Полное наименование организации", true),
        SHORT_NAME("Краткое наименование", true),
        INN("ИНН (10 цифр)", true),
        OGRN("ОГРН (13 цифр)", true),
        PARENT("Вышестоящий орган", false),
        ADDRESS("Адрес", true),
        RESPONSIBLE("Ответственный за пароли (ФИО)", true),
        RESPONSIBLE_PHONE("Телефон ответственного", true),
        RESPONSIBLE_EMAIL("E-mail ответственного", true),
        ORGANIZATION_CODE("Код организации в МСЭД (для изменений)", false);

        final String label;
        final boolean required;

        HeaderField(String label, boolean required) {
            this.label = label;
            this.required = required;
        }

        int rowIndex() {
            return 1 + ordinal();
        }
    }

    /** The users' table: header at row 13 (0-based 12), people from row 14 on. */
    static final int TABLE_HEADER_ROW = 12;
    static final int FIRST_PERSON_ROW = 13;
    static final int MAX_PEOPLE = 5000;
    static final List<String> COLUMNS = List.of("Фамилия", "Имя", "Отчество", "Должность", "Подразделение", "Телефон",
            "E-mail", "Роль", "Вторая роль", "Действие");
    static final List<String> ROLE_LABELS = List.of("Делопроизводитель", "Помощник руководителя", "Руководитель",
            "Исполнитель", "Контролёр", "Администратор организации");
    static final List<String> ACTION_LABELS = List.of("Подключить", "Отключить", "Изменить права");

    public byte[] workbook() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var custom = workbook.getProperties().getCustomProperties();
            custom.addProperty(PROPERTY_NAME, TEMPLATE_NAME);
            custom.addProperty(PROPERTY_VERSION, VERSION);
            workbook.getProperties().getCoreProperties().setTitle("Заявка на подключение к МСЭД");

            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setLocked(true);
            CellStyle input = workbook.createCellStyle();
            input.setLocked(false);

            XSSFSheet instruction = workbook.createSheet(INSTRUCTION_SHEET);
            String[] lines = {
                "Заявка на подключение организации и пользователей к МСЭД",
                "1. Заполните на листе «Заявка» сведения об организации (строки 2–11) и таблицу пользователей (со строки 14).",
                "2. Фамилии пишите так, как они должны отображаться в системе. Одна строка — один пользователь.",
                "3. Роль и действие выбирайте из выпадающих списков. Формулы, объединённые и скрытые строки не допускаются.",
                "4. Для изменений (подключить, отключить, изменить права) укажите код организации в МСЭД.",
                "5. Не добавляйте и не переименовывайте листы: заявки не по шаблону не принимаются.",
                "6. Заявку направьте вместе с письмом за подписью руководителя организации."};
            for (int i = 0; i < lines.length; i++) {
                instruction.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            instruction.getRow(0).getCell(0).setCellStyle(bold);
            instruction.setColumnWidth(0, 120 * 256);

            XSSFSheet sheet = workbook.createSheet(REQUEST_SHEET);
            sheet.createRow(0).createCell(0).setCellValue("Сведения об организации");
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            for (HeaderField field : HeaderField.values()) {
                Row row = sheet.createRow(field.rowIndex());
                row.createCell(0).setCellValue(field.label + (field.required ? " *" : ""));
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellStyle(input);
            }
            Row header = sheet.createRow(TABLE_HEADER_ROW);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
                header.getCell(c).setCellStyle(bold);
                sheet.setDefaultColumnStyle(c, input);
                sheet.setColumnWidth(c, (c == 3 || c == 4 ? 30 : 18) * 256);
            }
            sheet.setColumnWidth(0, 45 * 256);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            int last = FIRST_PERSON_ROW + MAX_PEOPLE - 1;
            for (int column : new int[] {7, 8}) {
                DataValidation roles = helper.createValidation(helper.createExplicitListConstraint(ROLE_LABELS.toArray(String[]::new)),
                        new CellRangeAddressList(FIRST_PERSON_ROW, last, column, column));
                roles.setShowErrorBox(true);
                sheet.addValidationData(roles);
            }
            DataValidation actions = helper.createValidation(helper.createExplicitListConstraint(ACTION_LABELS.toArray(String[]::new)),
                    new CellRangeAddressList(FIRST_PERSON_ROW, last, 9, 9));
            actions.setShowErrorBox(true);
            sheet.addValidationData(actions);
            sheet.createFreezePane(0, FIRST_PERSON_ROW);
            // Labels and headers are locked; the input cells are not. No password: it only prevents slips.
            sheet.protectSheet("");
            sheet.lockFormatCells(false);
            workbook.setActiveSheet(1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
