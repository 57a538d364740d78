package ru.msed.document;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Number templates of the journals per document kind: {@code {n}} is the sequence within the
 * year, {@code {yy}}/{@code {yyyy}} the year, {@code {org}} the organization's code.
 */
@ConfigurationProperties("msed.journals")
public record JournalProperties(Map<DocumentKind, String> templates) {

    public JournalProperties {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }

    String templateFor(DocumentKind kind) {
        return templates.getOrDefault(kind, kind.name() + "-{n}/{yy}");
    }
}
