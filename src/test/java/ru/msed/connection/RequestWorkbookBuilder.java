package ru.msed.connection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ru.msed.connection.ConnectionTemplate.HeaderField;

/** Fills the application template the way an organization would, with hooks to spoil it. */
public class RequestWorkbookBuilder {

    private final Map<HeaderField, String> header = new EnumMap<>(HeaderField.class);
    private final List<String[]> people = new ArrayList<>();
    private final List<Consumer<XSSFWorkbook>> spoilers = new ArrayList<>();

    public static RequestWorkbookBuilder newOrganization(String inn) {
        RequestWorkbookBuilder builder = new RequestWorkbookBuilder();
        builder.header.put(HeaderField.FULL_NAME, "Управление ЗАГС Демонстрационной области");
        builder.header.put(HeaderField.SHORT_NAME, "Управление ЗАГС");
        builder.header.put(HeaderField.INN, inn);
        builder.header.put(HeaderField.OGRN, "1027700123456");
        builder.header.put(HeaderField.PARENT, "Правительство Демонстрационной области");
        builder.header.put(HeaderField.ADDRESS, "г. Демо, ул. Ленина, 1");
        builder.header.put(HeaderField.RESPONSIBLE, "Сергеева Ирина Павловна");
        builder.header.put(HeaderField.RESPONSIBLE_PHONE, "+7 (495) 123-45-67");
        builder.header.put(HeaderField.RESPONSIBLE_EMAIL, "sergeeva@zags.demo.ru");
        return builder;
    }

    public static RequestWorkbookBuilder changes(String organizationCode) {
        RequestWorkbookBuilder builder = newOrganization("7700000000");
        builder.header.put(HeaderField.ORGANIZATION_CODE, organizationCode);
        return builder;
    }

    public RequestWorkbookBuilder header(HeaderField field, String value) {
        header.put(field, value);
        return this;
    }

    public RequestWorkbookBuilder person(String last, String first, String patronymic, String position, String department,
            String phone, String email, String role, String secondRole, String action) {
        people.add(new String[] {last, first, patronymic, position, department, phone, email, role, secondRole, action});
        return this;
    }

    public RequestWorkbookBuilder connect(String last, String first, String department, String role) {
        String email = ConnectionUserIds.transliterate(last + "." + first).toLowerCase() + people.size() + "@zags.demo.ru";
        return person(last, first, "Иванович", "Специалист", department, "84951234567", email, role, null, "Подключить");
    }

    public RequestWorkbookBuilder spoil(Consumer<XSSFWorkbook> spoiler) {
        spoilers.add(spoiler);
        return this;
    }

    public byte[] build() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(new ConnectionTemplate().workbook()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.getSheet(ConnectionTemplate.REQUEST_SHEET);
            header.forEach((field, value) -> sheet.getRow(field.rowIndex()).getCell(1).setCellValue(value));
            int r = ConnectionTemplate.FIRST_PERSON_ROW;
            for (String[] person : people) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < person.length; c++) {
                    if (person[c] != null) {
                        row.createCell(c).setCellValue(person[c]);
                    }
                }
            }
            spoilers.forEach(spoiler -> spoiler.accept(workbook));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
