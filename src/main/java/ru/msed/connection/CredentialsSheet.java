package ru.msed.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ru.msed.organization.Organization;

/** The workbook with the logins and temporary passwords of newly connected people, before it is sealed. */
final class CredentialsSheet {

    record Account(String login, String fullName, String position, String temporaryPassword) {
    }

    private CredentialsSheet() {
    }

    static byte[] of(Organization organization, List<Account> accounts) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Учётные записи");
            sheet.createRow(0).createCell(0).setCellValue("Учётные записи МСЭД: " + organization.getShortName()
                    + " (код " + organization.getCode() + "). Пароли временные: при первом входе их нужно сменить.");
            String[] header = {"Логин", "ФИО", "Должность", "Временный пароль"};
            var head = sheet.createRow(2);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int i = 0; i < accounts.size(); i++) {
                Account account = accounts.get(i);
                var row = sheet.createRow(3 + i);
                row.createCell(0).setCellValue(account.login());
                row.createCell(1).setCellValue(account.fullName());
                row.createCell(2).setCellValue(account.position());
                row.createCell(3).setCellValue(account.temporaryPassword());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
