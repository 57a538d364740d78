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

/** Card search: Russian stemming, number, period, correspondent, and only the own organization's cards. */
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
        assertThat(search("registrar", "correspondent=заречного&from=" + LocalDate.now() + "&to=" + LocalDate.now())
                .findValuesAsText("registrationNumber")).contains(number);
        assertThat(search("registrar", "q=отопительный&from=2000-01-01&to=2000-12-31")).isEmpty();
        assertThat(search("alt-registrar", "q=отопительный").findValuesAsText("summary"))
                .containsExactly("Об отопительном сезоне в Комархитектуры");
        var backwards = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBasicAuth("registrar", "demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (rq, rs) -> { }).build().get()
                .uri("/api/documents?from=2026-05-01&to=2026-04-01").retrieve().toEntity(JsonNode.class);
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
    }

    private String register(String registrar, String summary, String correspondent) {
        ProcessInstance instance = driver.startRegistrationAs(registrar);
        Map<String, Object> card = ProcessDriver.validCard();
        card.put("summary", summary);
        card.put("correspondent", correspondent);
        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), registrar, card);
        return documents.document(driver.documentId(instance)).getRegistrationNumber();
    }

    private JsonNode search(String user, String query) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(h -> h.setBasicAuth(user, "demo")).build()
                .get().uri("/api/documents?" + query).retrieve().body(JsonNode.class);
    }
}
