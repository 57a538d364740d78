package ru.msed.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variables a Camunda Form (form-js JSON) submits: the keys of its enabled input fields. Text,
 * images and other display-only components submit nothing; disabled fields are not submitted by
 * form-js either.
 */
public final class FormFields {

    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "separator", "spacer", "button",
            "iframe", "table", "documentPreview");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormFields() {
    }

    public static Set<String> of(InputStream form) {
        try (form) {
            return of(JSON.readTree(form));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable Camunda Form", e);
        }
    }

    public static Set<String> of(JsonNode form) {
        Set<String> keys = new LinkedHashSet<>();
        collect(form, keys);
        return keys;
    }

    private static void collect(JsonNode container, Set<String> keys) {
        for (JsonNode component : container.path("components")) {
            String type = component.path("type").asText();
            if (component.hasNonNull("key") && !DISPLAY_ONLY.contains(type) && !component.path("disabled").asBoolean(false)) {
                keys.add(component.get("key").asText());
            }
            collect(component, keys);
        }
    }
}
