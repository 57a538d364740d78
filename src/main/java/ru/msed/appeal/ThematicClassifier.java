package ru.msed.appeal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The thematic classifier of appeals from its data file ({@code msed.appeals.topics}): codes of four
 * parts (section.subject.theme.question) and names. Appeals are classified by question; reports count
 * them by section. Loaded at start-up; a broken line stops it, naming the line.
 */
@Component
class ThematicClassifier {

    private final Map<String, String> names = new LinkedHashMap<>();

    ThematicClassifier(AppealProperties properties, ResourceLoader resources) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                resources.getResource(properties.topics()).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code;")) {
                    continue;
                }
                String[] cells = line.split(";", 2);
                if (cells.length < 2 || !cells[0].strip().matches("\\d{4}(\\.\\d{4}){0,3}") || cells[1].isBlank()) {
                    throw new IllegalStateException(properties.topics() + ":" + number + ": expected code;name");
                }
                names.put(cells[0].strip(), cells[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the thematic classifier " + properties.topics(), e);
        }
    }

    /** The questions appeals are classified by, with their section, for the registration form's select. */
    List<Option> questions() {
        return names.keySet().stream().filter(code -> code.length() == 19)
                .map(code -> new Option(code, code + " — " + names.get(code) + " (" + names.get(section(code)) + ")"))
                .toList();
    }

    boolean isQuestion(String code) {
        return code != null && code.length() == 19 && names.containsKey(code);
    }

    String name(String code) {
        return names.get(code);
    }

    /** The section a code belongs to (its first part). */
    static String section(String code) {
        return code.substring(0, 4);
    }

    record Option(String value, String label) {
    }
}
