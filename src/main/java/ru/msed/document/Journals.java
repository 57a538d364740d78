package ru.msed.document;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Numbering journals. A number is taken by one {@code UPDATE ... RETURNING} on the journal's
 * row: the row lock serializes concurrent registrations until their transactions end, so numbers
 * are never duplicated, and a rolled-back registration gives its number back (no gaps).
 */
@Component
class Journals {

    private final JdbcTemplate jdbc;
    private final JournalProperties properties;

    Journals(JdbcTemplate jdbc, JournalProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    JournalNumber next(long organizationId, String organizationCode, DocumentKind kind, int year) {
        List<JournalNumber> taken = take(organizationId, organizationCode, kind, year);
        if (taken.isEmpty()) {
            // First number of the year: open the journal (a concurrent opener is harmless), then take.
            jdbc.update("""
                    INSERT INTO journal (organization_id, document_kind, year, number_template)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (organization_id, document_kind, year) DO NOTHING""",
                    organizationId, kind.name(), year, properties.templateFor(kind));
            taken = take(organizationId, organizationCode, kind, year);
        }
        return taken.get(0);
    }

    private List<JournalNumber> take(long organizationId, String organizationCode, DocumentKind kind, int year) {
        return jdbc.query("""
                UPDATE journal SET last_number = last_number + 1
                WHERE organization_id = ? AND document_kind = ? AND year = ?
                RETURNING id, last_number, number_template""",
                (row, i) -> new JournalNumber(row.getLong("id"), row.getInt("last_number"),
                        format(row.getString("number_template"), row.getInt("last_number"), year, organizationCode)),
                organizationId, kind.name(), year);
    }

    static String format(String template, int sequence, int year, String organizationCode) {
        return template
                .replace("{n}", Integer.toString(sequence))
                .replace("{yyyy}", Integer.toString(year))
                .replace("{yy}", String.format("%02d", year % 100))
                .replace("{org}", organizationCode);
    }
}
