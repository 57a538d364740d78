package ru.msed.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Camunda webapps are Russian because the application ships {@code locales/ru.json} and
 * {@code scripts/config.js} for each of them over the webjar's files. The English locale files
 * come from the webjar on the classpath, so a Camunda upgrade that adds or renames texts fails
 * here instead of showing English (or raw keys) to the staff.
 */
class WebappLocalesTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");
    private static final Pattern HTML_TAG = Pattern.compile("</?(a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>");
    /** Shown as they are in Russian too: literal values, formats, product names. */
    private static final Set<String> SAME_IN_RUSSIAN = Set.of("null", "<null>", "CSV", "JSON", "requestPayload", "Optimize");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishTextHasARussianTranslation(String app) throws IOException {
        JsonNode english = webjarEnglish(app).path("labels");
        JsonNode russian = read(ours(app, "locales/ru.json")).path("labels");
        assertThat(english.size()).as("%s: English labels found in the webjar", app).isGreaterThan(100);

        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String en = entry.getValue().asText();
            JsonNode ru = russian.get(key);
            if (ru == null) {
                problems.add(key + ": missing («" + en + "»)");
            } else if (ru.asText().isBlank() && !en.isBlank()) {
                problems.add(key + ": empty");
            } else if (ru.asText().strip().equals(en.strip()) && LATIN_WORD.matcher(en).find()
                    && !SAME_IN_RUSSIAN.contains(en.strip())) {
                problems.add(key + ": still English («" + en + "»)");
            } else if (!placeholders(ru.asText()).equals(placeholders(en))) {
                problems.add(key + ": placeholders " + placeholders(en) + " became " + placeholders(ru.asText()));
            } else if (!tagsOf(en).containsAll(tagsOf(ru.asText()))) {
                problems.add(key + ": markup not in the English text " + tagsOf(ru.asText()));
            }
        }
        for (Iterator<String> it = russian.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!english.has(key)) {
                problems.add(key + ": no longer in the webjar's en.json, remove it");
            }
        }
        assertThat(problems).as("%s/locales/ru.json against the webjar's en.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void russianDatesAreWrittenTheRussianWay(String app) throws IOException {
        assertThat(webjarEnglish(app).has("dateLocales")).isTrue();
        JsonNode formats = read(ours(app, "locales/ru.json")).path("dateLocales").path("longDateFormat");
        assertThat(formats.path("L").asText()).isEqualTo("DD.MM.YYYY");
        assertThat(formats.path("LT").asText()).isEqualTo("HH:mm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configMakesRussianTheDefaultWithEnglishSelectable(String app) throws IOException {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources(APPS + app + "/scripts/config.js"));
        assertThat(copies).as("%s: the application's config.js and the webjar's", app).hasSize(2);
        String config = text(copies.get(0));
        assertThat(copies.get(0).toString()).as("the copy served is the application's").doesNotContain("camunda-webapp-webjar");
        assertThat(config)
                .contains("from '../../msed/locale.js'")
                .contains("locales: webappLocales()")
                .contains("dateFormat: DATE_FORMAT")
                .contains("requireJsConfig: russianDetails()")
                .contains("vendor: VENDOR");
        for (String option : activeOptions(text(copies.get(1)))) {
            assertThat(config).as("%s: option %s of the webjar's config.js is kept", app, option).contains(option + ":");
        }

        String locale = text(ours("msed", "locale.js"));
        assertThat(locale)
                .contains("export const DEFAULT_LOCALE = 'ru';")
                .contains("export const LOCALES = ['ru', 'en'];")
                .contains("return {availableLocales: [locale], fallbackLocale: locale};")
                .contains("short: 'DD.MM.YYYY'")
                .contains("export const VENDOR = 'МСЭД ·';");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void stylesHideTheVendorBannerAndLogo(String app) throws IOException {
        assertThat(text(ours(app, "styles/user-styles.css"))).contains("@import url('../../msed/webapps.css');");
        assertThat(text(ours("msed", "webapps.css")))
                .startsWith("@charset \"UTF-8\";")
                .contains(".ce-eol-banner {\n  display: none !important;")
                .contains(".navbar-brand .brand-logo svg");
    }

    @Test
    void russianDetailsModuleIsLoadedByEveryApp() throws IOException {
        assertThat(text(ours("msed", "locale.js")))
                .contains("ngDeps: ['msed.webapps']")
                .contains("paths: {'msed-webapps-ru': '../msed/webapps-ru'}");
        assertThat(text(ours("msed", "webapps-ru.js")))
                .contains("angular.module('msed.webapps', [])")
                .contains("camDateFormatProvider.setDateFormat(configurationProvider.getDateFormat(name), name);")
                .contains("dd: units('день', 'день', 'дня', 'дней')");
    }

    @Test
    void tasklistFormsTakeRussianDates() throws IOException {
        assertThat(text(ours("tasklist", "scripts/config.js"))).contains("customScripts: ['../msed/tasklist-forms']");
        assertThat(text(ours("msed", "tasklist-forms.js")))
                .contains("const DISPLAY_FORMAT = 'd.m.Y';")
                .contains("picker.config.dateFormat = DISPLAY_FORMAT;")
                .contains("flatpickr.setDefaults({plugins});");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s", ""));
        }
        return found;
    }

    private static Set<String> tagsOf(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = HTML_TAG.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** Top-level options the webjar's config.js sets (not commented out), e.g. Tasklist's shortcuts. */
    private static Set<String> activeOptions(String config) {
        Set<String> options = new TreeSet<>();
        Matcher matcher = Pattern.compile("(?m)^ {2}([A-Za-z]+):").matcher(config);
        while (matcher.find()) {
            options.add(matcher.group(1));
        }
        return options;
    }

    private JsonNode webjarEnglish(String app) throws IOException {
        URL url = getClass().getClassLoader().getResource(APPS + app + "/locales/en.json");
        assertThat(url).as("%s/locales/en.json on the classpath", app).isNotNull();
        assertThat(url.toString()).contains("camunda-webapp-webjar");
        return read(url);
    }

    private URL ours(String app, String file) {
        URL url = getClass().getClassLoader().getResource(APPS + app + "/" + file);
        assertThat(url).as("%s/%s shipped by the application", app, file).isNotNull();
        return url;
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        }
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
