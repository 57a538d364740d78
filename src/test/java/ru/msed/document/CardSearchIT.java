package ru.msed.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.SecondOrganization;

/**
 * Card search: Russian stemming, number, period, correspondent; only the own organization's cards,
 * and «ДСП» cards only for the office and the people named on them.
 */
@MsedIntegrationTest
class CardSearchIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    SecondOrganization second;
    @Autowired
    DocumentService documents;
    @Autowired
    java.time.Clock clock;

    @BeforeEach
    void organizations() {
        second.ensure();
    }

    @Test
    void findsOwnCardsByWordFormsNumberPeriodAndCorrespondent() {
        String number = register("registrar", "О подготовке объектов ЖКХ к отопительному сезону", "Администрация Заречного района");
        register("registrar", "О ремонте дорог", "Министерство транспорта");
        register("alt-registrar", "Об отопительном сезоне в Комархитектуры", "Администрация Заречного района");

        JsonNode byWords = search("registrar", "q=отопительный сезон");
        assertThat(byWords.findValuesAsText("registrationNumber")).contains(number);
        assertThat(byWords.findValuesAsText("summary")).noneMatch(s -> s.contains("Комархитектуры"))
                .noneMatch(s -> s.contains("ремонте дорог"));
        assertThat(search("registrar", "number=" + number).findValuesAsText("summary"))
                .containsExactly("О подготовке объектов ЖКХ к отопительному сезону");
        assertThat(search("registrar", "correspondent=заречного&from=" + LocalDate.now(clock) + "&to=" + LocalDate.now(clock))
                .findValuesAsText("registrationNumber")).contains(number);
        assertThat(search("registrar", "q=отопительный&from=2000-01-01&to=2000-12-31")).isEmpty();
        assertThat(search("alt-registrar", "q=отопительный").findValuesAsText("summary"))
                .containsExactly("Об отопительном сезоне в Комархитектуры");
        var backwards = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBasicAuth("registrar", "demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (rq, rs) -> { }).build().get()
                .uri("/api/documents?from=2026-05-01&to=2026-04-01").retrieve().toEntity(JsonNode.class);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void restrictedCardsOnlyForTheOfficeAndThePeopleNamedOnThem() {
        ProcessInstance instance = driver.startRegistrationAs("registrar");
        Map<String, Object> card = ProcessDriver.validCard();
        card.put("summary", "О мобилизационной подготовке служебных помещений");
        card.put("accessLevel", "DSP");
        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), "registrar", card);
        long documentId = driver.documentId(instance);
        String words = "q=мобилизационная подготовка";

        assertThat(search("registrar", words).findValuesAsText("id")).contains(Long.toString(documentId));
        assertThat(search("controller", words).findValuesAsText("id")).contains(Long.toString(documentId));
        for (String outsider : new String[] {"executor2", "executor3"}) {
            assertThat(search(outsider, words).findValuesAsText("id")).as(outsider).doesNotContain(Long.toString(documentId));
            assertThat(status(outsider, "/api/documents/" + documentId)).as(outsider).isEqualTo(404);
            assertThat(status(outsider, "/api/documents/" + documentId + "/attachments")).as(outsider).isEqualTo(404);
        }

        // The resolution names executor2: from then on they see the card; executor3 still does not.
        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant",
                ProcessDriver.resolution("executor2", java.util.List.of(), true));
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        assertThat(search("executor2", words).findValuesAsText("id")).contains(Long.toString(documentId));
        assertThat(status("executor2", "/api/documents/" + documentId)).isEqualTo(200);
        assertThat(search("executor3", words).findValuesAsText("id")).doesNotContain(Long.toString(documentId));
        assertThat(status("executor3", "/api/documents/" + documentId)).isEqualTo(404);
        // A general card of the same organization stays visible to every employee.
        String general = register("registrar", "О мобилизационной подготовке: открытая часть", "Военный комиссариат");
        assertThat(search("executor3", "number=" + general).findValuesAsText("registrationNumber")).containsExactly(general);
    }

    private String register(String registrar, String summary, String correspondent) {
        ProcessInstance instance = driver.startRegistrationAs(registrar);
        Map<String, Object> card = ProcessDriver.validCard();
        card.put("summary", summary);
        card.put("correspondent", correspondent);
        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), registrar, card);
        return documents.document(driver.documentId(instance)).getRegistrationNumber();
    }

    private int status(String user, String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBasicAuth(user, "demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (rq, rs) -> { }).build().get().uri(path).retrieve()
                .toBodilessEntity().getStatusCode().value();
    }

    private JsonNode search(String user, String query) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBasicAuth(user, "demo")).build()
                .get().uri("/api/documents?" + query).retrieve().body(JsonNode.class);
    }
}
