package ru.msed.appeal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The bodies appeals are forwarded to by competence ({@code msed.appeals.competent-bodies}): a body that
 * is an organization of the system gets the appeal inside it, the others a letter by e-mail.
 */
@Component
class CompetentBodies {

    static final String LAW_ENFORCEMENT = "law-enforcement";

    private final Map<String, Body> bodies = new LinkedHashMap<>();

    CompetentBodies(AppealProperties properties, ResourceLoader resources) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                resources.getResource(properties.competentBodies()).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code;")) {
                    continue;
                }
                String[] cells = line.split(";", -1);
                if (cells.length != 5 || cells[0].isBlank() || cells[1].isBlank()
                        || (cells[2].isBlank() && cells[4].isBlank())) {
                    throw new IllegalStateException(properties.competentBodies() + ":" + number
                            + ": expected code;name;email;kind;msed_organization with an e-mail or an organization");
                }
                Body body = new Body(cells[0].strip(), cells[1].strip(), blankToNull(cells[2]), cells[3].strip(),
                        blankToNull(cells[4]));
                bodies.put(body.code(), body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the competent bodies " + properties.competentBodies(), e);
        }
    }

    Optional<Body> find(String code) {
        return Optional.ofNullable(code == null ? null : bodies.get(code));
    }

    List<Body> all() {
        return List.copyOf(bodies.values());
    }

    List<Body> lawEnforcement() {
        return bodies.values().stream().filter(Body::isLawEnforcement).toList();
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    /** A body; {@code organizationCode} when it is an organization of the system. */
    record Body(String code, String name, String email, String kind, String organizationCode) {

        boolean isLawEnforcement() {
            return LAW_ENFORCEMENT.equals(kind);
        }
    }
}
