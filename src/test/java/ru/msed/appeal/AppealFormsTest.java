package ru.msed.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A citizen's words are never rendered as HTML in Tasklist: form-js renders a text component's templates as
 * markdown and HTML, so the appeal forms show the applicant's data and text only as field values — disabled
 * fields where the task must not change them — and no text component templates them.
 */
class AppealFormsTest {

    static final Set<String> CITIZENS_WORDS = Set.of("applicantName", "postalAddress", "email", "phone", "appealText",
            "complainedOfficial", "summary");

    @Test
    void noTextComponentOfTheAppealFormsTemplatesTheCitizensWords() throws Exception {
        List<String> problems = new ArrayList<>();
        int shownAsFields = 0;
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.getFileName().toString().startsWith("citizen-appeal-")).toList()) {
                for (JsonNode component : new ObjectMapper().readTree(form.toFile()).path("components")) {
                    String type = component.path("type").asText();
                    if (type.equals("text") || type.equals("html")) {
                        for (String word : CITIZENS_WORDS) {
                            if (component.path("text").asText().contains(word)
                                    || component.path("content").asText().contains(word)) {
                                problems.add(form.getFileName() + ": " + type + " templates " + word);
                            }
                        }
                    } else if (component.path("key").asText().equals("appealText")) {
                        shownAsFields++;
                        if (!component.path("disabled").asBoolean()) {
                            problems.add(form.getFileName() + ": the appeal's text can be edited");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(shownAsFields).isGreaterThanOrEqualTo(5);
    }
}
