package ru.msed.connection;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Logins and group ids for connected people and departments, from Russian names in the
 * transliteration of passports (ГОСТ Р 52535.1-2006 style): «Иванов И. И.» of organization
 * 7701234567 → {@code ivanov.ii.7701234567}; a taken one gets a number.
 */
final class ConnectionUserIds {

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "iu"), Map.entry('я', "ia"));

    private ConnectionUserIds() {
    }

    static String transliterate(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            String latin = LETTERS.get(c);
            if (latin != null) {
                out.append(latin);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                out.append(c);
            } else if (c == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }

    static String login(String lastName, String firstName, String patronymic, String organizationCode, Predicate<String> taken) {
        String initials = transliterate(firstName.substring(0, 1))
                + (patronymic == null || patronymic.isBlank() ? "" : transliterate(patronymic.substring(0, 1)));
        String base = transliterate(lastName) + "." + initials + "." + organizationCode.toLowerCase(Locale.ROOT);
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** A department's functional group: the same name in two organizations is the same group, kept apart by tenant. */
    static String departmentGroup(String departmentName) {
        String slug = "dept-" + transliterate(departmentName.strip()).replaceAll("-+", "-");
        return slug.length() > 64 ? slug.substring(0, 64) : slug;
    }
}
