package ru.msed.connection;

import java.util.List;
import java.util.Map;

/**
 * What a request workbook says, as read: the header block, the people's rows (with their Excel
 * row numbers) and the problems of the file itself (format, template, sheets, formulas …).
 */
public record ConnectionWorkbook(Map<ConnectionTemplate.HeaderField, String> header, List<Person> people,
        List<String> fileProblems) {

    public record Person(int row, String lastName, String firstName, String patronymic, String position,
            String department, String phone, String email, String role, String secondRole, String action) {

        String fullName() {
            return (lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic)).strip();
        }
    }

    String value(ConnectionTemplate.HeaderField field) {
        return header.get(field);
    }
}
