package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;

/**
 * A process analyst changes the regulation in Camunda Modeler and deploys it to the running
 * server, as Modeler does (multipart POST to /engine-rest/deployment/create with a login):
 * new documents follow the new version, running ones stay on theirs.
 */
@MsedIntegrationTest
class RegulationRedeploymentIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;

    @Test
    void analystsRedeployedDiagramIsUsedByNewDocumentsOnly() throws Exception {
        ProcessInstance running = driver.startRegistration();
        int versionBefore = definitionVersion(running);
        String changed = Files.readString(Path.of("processes/incoming-document.bpmn"), StandardCharsets.UTF_8)
                .replace("name=\"Заполнить регистрационную карточку\"", "name=\"Заполнить регистрационную карточку (ред. 2)\"");

        ResponseEntity<JsonNode> refused = deploy("registrar", changed);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> deployed = deploy("analyst", changed);
        assertThat(deployed.getStatusCode().value()).isEqualTo(200);

        ProcessInstance next = driver.startRegistration();
        assertThat(definitionVersion(next)).isEqualTo(versionBefore + 1);
        assertThat(driver.task(next, "Task_FillRegistrationCard").getName()).isEqualTo("Заполнить регистрационную карточку (ред. 2)");
        // The new version finds its forms and decision table in its own deployment.
        driver.complete(driver.task(next, "Task_FillRegistrationCard"), "registrar", ProcessDriver.validCard());
        assertThat(driver.task(next, "Task_DraftResolution")).isNotNull();
        String draftForm = driver.as("assistant", () -> {
            try (var form = engine.getFormService().getDeployedTaskForm(driver.task(next, "Task_DraftResolution").getId())) {
                return new String(form.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // The draft is a step of the consideration the diagram calls, which brings its own forms.
        assertThat(draftForm).contains("\"id\": \"document-consideration-draft\"");
        assertThat(definitionVersion(running)).isEqualTo(versionBefore);
        assertThat(driver.task(running, "Task_FillRegistrationCard").getName()).isEqualTo("Заполнить регистрационную карточку");

        // Deploying the same content again changes nothing.
        deploy("analyst", changed);
        assertThat(definitionVersion(driver.startRegistration())).isEqualTo(versionBefore + 1);
    }

    private int definitionVersion(ProcessInstance instance) {
        return engine.getRepositoryService().getProcessDefinition(
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                        .singleResult().getProcessDefinitionId()).getVersion();
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private ResponseEntity<JsonNode> deploy(String user, String bpmn) throws Exception {
        var body = new LinkedMultiValueMap<String, Object>();
        // As Camunda Modeler deploys a diagram with its forms and decision table attached.
        body.add("deployment-name", "msed-incoming-document");
        body.add("enable-duplicate-filtering", "true");
        body.add("deployment-source", "Camunda Modeler");
        body.add("incoming-document.bpmn", file("incoming-document.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                body.add(form.getFileName().toString(), file(form.getFileName().toString(), Files.readAllBytes(form)));
            }
        }
        body.add("document-routing.dmn", file("document-routing.dmn", Files.readAllBytes(Path.of("processes/document-routing.dmn"))));
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, "demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (rq, rs) -> { })
                .build().post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toEntity(JsonNode.class);
    }
}
