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

    private ResponseEntity<JsonNode> deploy(String user, String bpmn) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "msed-regulations");
        body.add("deploy-changed-only", "true");
        body.add("deployment-source", "Camunda Modeler");
        body.add("incoming-document.bpmn", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "incoming-document.bpmn";
            }
        });
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, "demo"))
                .defaultStatusHandler(HttpStatusCode::isError, (rq, rs) -> { })
                .build().post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toEntity(JsonNode.class);
    }
}
