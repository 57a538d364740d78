package ru.msed.connection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import ru.msed.connection.ConnectionTemplate.HeaderField;
import ru.msed.connection.ConnectionWorkbook.Person;
import ru.msed.organization.Role;

/**
 * Checks a request row by row, with Russian messages naming the Excel row: required cells,
 * e-mail and phone formats, duplicates, roles, actions and — for changes to a connected
 * organization — departments and people that must exist.
 */
final class ConnectionRequestValidator {

    static final Pattern EMAIL = Pattern.compile("^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$");
    static final Pattern INN = Pattern.compile("^\\d{10}$");
    static final Pattern OGRN = Pattern.compile("^\\d{13}$");
    static final Map<String, Role> ROLES = Map.of(
            "Делопроизводитель", Role.REGISTRAR, "Помощник руководителя", Role.ASSISTANT, "Руководитель", Role.MANAGER,
            "Исполнитель", Role.EXECUTOR, "Контролёр", Role.CONTROLLER, "Администратор организации", Role.ORGANIZATION_ADMIN);

    enum Action {
        CONNECT("Подключить"), DISCONNECT("Отключить"), CHANGE_RIGHTS("Изменить права");

        final String label;

        Action(String label) {
            this.label = label;
        }

        static Action of(String label) {
            for (Action action : values()) {
                if (action.label.equalsIgnoreCase(label == null ? "" : label.strip())) {
                    return action;
                }
            }
            return null;
        }
    }

    /**
     * What the database knows about the organization the request is for.
     *
     * @param existingOrganization a change to a connected organization (its code given and found)
     * @param departments the organization's departments (changes only)
     * @param people full names of its staff (changes only), lower case
     */
    record Context(boolean existingOrganization, Set<String> departments, Set<String> people) {
    }

    static List<String> validate(ConnectionWorkbook workbook, Context context) {
        List<String> problems = new ArrayList<>(workbook.fileProblems());
        if (!workbook.fileProblems().isEmpty() && workbook.header().isEmpty()) {
            return problems;
        }
        for (HeaderField field : HeaderField.values()) {
            String value = workbook.value(field);
            String cell = "ячейка B" + (field.rowIndex() + 1);
            if (value == null) {
                if (field.required) {
                    problems.add("Не заполнено «" + field.label + "» (" + cell + ").");
                }
                continue;
            }
            switch (field) {
                case INN -> {
                    if (!INN.matcher(value).matches()) {
                        problems.add("ИНН должен состоять из 10 цифр (" + cell + "): «" + value + "».");
                    }
                }
                case OGRN -> {
                    if (!OGRN.matcher(value).matches()) {
                        problems.add("ОГРН должен состоять из 13 цифр (" + cell + "): «" + value + "».");
                    }
                }
                case RESPONSIBLE_EMAIL -> {
                    if (!EMAIL.matcher(value).matches()) {
                        problems.add("Неверный e-mail ответственного (" + cell + "): «" + value + "».");
                    }
                }
                case RESPONSIBLE_PHONE -> {
                    if (!phoneValid(value)) {
                        problems.add("Неверный телефон ответственного (" + cell + "): «" + value + "».");
                    }
                }
                default -> {
                }
            }
        }
        if (workbook.people().isEmpty()) {
            problems.add("В таблице пользователей нет ни одной строки (со строки " + (ConnectionTemplate.FIRST_PERSON_ROW + 1) + ").");
        }
        Map<String, Integer> seenNames = new HashMap<>();
        Map<String, Integer> seenEmails = new HashMap<>();
        for (Person p : workbook.people()) {
            String at = "Строка " + p.row() + ": ";
            required(problems, at, p.lastName(), "Фамилия");
            required(problems, at, p.firstName(), "Имя");
            Action action = Action.of(p.action());
            if (p.action() == null) {
                problems.add(at + "не заполнено поле «Действие».");
            } else if (action == null) {
                problems.add(at + "неизвестное действие «" + p.action() + "».");
            }
            if (action != Action.DISCONNECT) {
                required(problems, at, p.position(), "Должность");
                required(problems, at, p.department(), "Подразделение");
                required(problems, at, p.email(), "E-mail");
                required(problems, at, p.role(), "Роль");
            }
            if (p.email() != null && !EMAIL.matcher(p.email()).matches()) {
                problems.add(at + "неверный e-mail «" + p.email() + "».");
            }
            if (p.phone() != null && !phoneValid(p.phone())) {
                problems.add(at + "неверный телефон «" + p.phone() + "» (нужно 10–11 цифр, например +7 495 123-45-67).");
            }
            for (String role : new String[] {p.role(), p.secondRole()}) {
                if (role != null && !ROLES.containsKey(role)) {
                    problems.add(at + "неизвестная роль «" + role + "».");
                }
            }
            if (p.lastName() != null && p.firstName() != null) {
                String name = p.fullName().toLowerCase(Locale.ROOT);
                Integer earlier = seenNames.putIfAbsent(name, p.row());
                if (earlier != null) {
                    problems.add(at + "«" + p.fullName() + "» уже указан в строке " + earlier + ".");
                }
                if (context.existingOrganization()) {
                    boolean exists = context.people().contains(name);
                    if ((action == Action.DISCONNECT || action == Action.CHANGE_RIGHTS) && !exists) {
                        problems.add(at + "«" + p.fullName() + "» не найден среди пользователей организации: "
                                + (action == Action.DISCONNECT ? "отключать некого." : "менять права некому."));
                    }
                } else if (action == Action.DISCONNECT || action == Action.CHANGE_RIGHTS) {
                    problems.add(at + "для новой организации возможно только действие «Подключить».");
                }
            }
            if (p.email() != null) {
                Integer earlier = seenEmails.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p.row());
                if (earlier != null) {
                    problems.add(at + "e-mail «" + p.email() + "» уже указан в строке " + earlier + ".");
                }
            }
            if (context.existingOrganization() && p.department() != null && action != Action.DISCONNECT
                    && !context.departments().contains(p.department().toLowerCase(Locale.ROOT))) {
                problems.add(at + "подразделение «" + p.department() + "» не найдено в организации.");
            }
        }
        return problems;
    }

    static boolean phoneValid(String phone) {
        String digits = phone.replaceAll("[\\s()+-]", "");
        return digits.matches("\\d{10,11}");
    }

    private static void required(List<String> problems, String at, String value, String label) {
        if (value == null || value.isBlank()) {
            problems.add(at + "не заполнено поле «" + label + "».");
        }
    }
}
