package ru.msed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;

/**
 * A process analyst deploys through the REST API what Camunda Modeler would send: unsafe diagrams
 * are refused with a Russian message naming the element, nothing is deployed and nothing runs; a
 * diagram that uses only the application's delegates and functions deploys.
 */
@MsedIntegrationTest
class SafeDeploymentsIT {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void analystCannotMakeHimselfSupportThroughATimerAndAnEngineServiceExpression() {
        String takeover = "${execution.getProcessEngineServices().getIdentityService().createMembership('analyst','camunda-admin')}";
        BpmnModelInstance diagram = process("takeover").startEvent("StartEvent_Timer").timerWithDuration("PT1S")
                .serviceTask("Task_Takeover").camundaExpression(takeover).endEvent().done();

        ResponseEntity<String> response = deploy("takeover.bpmn", Bpmn.convertToString(diagram));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("Task_Takeover").contains("не у компонента приложения");
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("msed-test-takeover").count()).isZero();
        assertThat(engine.getIdentityService().createUserQuery().userId("analyst").memberOfGroup("camunda-admin").count())
                .isZero();
    }

    @Test
    void refusesScriptsClassesHtmlFormsAndExpressionsBeyondTheApplicationsBeans() {
        Map<String, String> unsafe = Map.of(
                "script", Bpmn.convertToString(process("script").startEvent().scriptTask("Task_Script").scriptFormat("groovy")
                        .scriptText("1").endEvent().done()),
                "class", Bpmn.convertToString(process("cls").startEvent().serviceTask("Task_Class")
                        .camundaClass("java.lang.Object").endEvent().done()),
                "getClass", Bpmn.convertToString(process("getclass").startEvent().serviceTask("Task_GetClass")
                        .camundaExpression("${workingDays.getClass().forName('java.lang.Runtime')}").endEvent().done()),
                "bean", Bpmn.convertToString(process("bean").startEvent().serviceTask("Task_Bean")
                        .camundaExpression("${identityService.createMembership('analyst','camunda-admin')}").endEvent().done()),
                "delegate", Bpmn.convertToString(process("delegate").startEvent().serviceTask("Task_Delegate")
                        .camundaDelegateExpression("${jdbcTemplate}").endEvent().done()),
                "htmlForm", Bpmn.convertToString(process("html").startEvent().userTask("Task_Html")
                        .camundaFormKey("embedded:deployment:steal.html").camundaAssignee("registrar").endEvent().done()),
                "brackets", Bpmn.convertToString(process("brackets").startEvent().userTask("Task_Brackets")
                        .camundaAssignee("${execution['processEngineServices']}").endEvent().done()),
                "spin", Bpmn.convertToString(process("spin").startEvent().exclusiveGateway("Gateway_Spin")
                        .condition("да", "${S('{}').prop('a') == null}").endEvent().moveToLastGateway()
                        .condition("нет", "${false}").endEvent().done()));
        unsafe.forEach((kind, xml) -> {
            ResponseEntity<String> response = deploy(kind + ".bpmn", xml);
            assertThat(response.getStatusCode().value()).as(kind + ": " + response.getBody()).isEqualTo(400);
            assertThat(response.getBody()).as(kind).contains("Элемент «");
        });
        String groovyDecision = decision("<inputExpression id=\"In\" typeRef=\"string\" expressionLanguage=\"groovy\">"
                + "<text>java.lang.Runtime.getRuntime()</text></inputExpression>", "\"a\"");
        assertThat(deploy("groovy.dmn", groovyDecision).getStatusCode().value()).isEqualTo(400);
        String externalFunction = decision("<inputExpression id=\"In\" typeRef=\"string\"><text>kind</text></inputExpression>",
                "(function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}})(1)");
        assertThat(deploy("external.dmn", externalFunction).getBody()).contains("внешние функции Java");
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentNameLike("msed-test-%").count()).isZero();
    }

    @Test
    void diagramsUsingTheApplicationsDelegatesAndFunctionsDeploy() {
        BpmnModelInstance safe = process("safe").startEvent().userTask("Task_Check").camundaAssignee("${initiator}")
                .camundaDueDate("${workingDays.add(now(), 2)}").exclusiveGateway("Gateway_Ok")
                .condition("да", "${decision == 'ok' && execution.tenantId != null}").endEvent().moveToLastGateway()
                .condition("нет", "${decision != 'ok'}").serviceTask("Task_Close").camundaDelegateExpression("${closeDocument}")
                .endEvent().done();
        ResponseEntity<String> response = deploy("safe.bpmn", Bpmn.convertToString(safe));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        engine.getRepositoryService().createDeploymentQuery().deploymentName("msed-test-safe").list()
                .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void expressionsResolveOnlyTheAllowListedBeans() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var expressions = configuration.getExpressionManager();
        Object workingDays = configuration.getCommandExecutorTxRequired().execute(context ->
                expressions.createExpression("${workingDays}").getValue(StartProcessVariableScope.getSharedInstance()));
        assertThat(workingDays).isNotNull();
        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context ->
                expressions.createExpression("${identityService}").getValue(StartProcessVariableScope.getSharedInstance())))
                .isInstanceOf(ProcessEngineException.class);
    }

    private static ProcessBuilder process(String id) {
        return Bpmn.createExecutableProcess("test-" + id).camundaHistoryTimeToLive(1);
    }

    private static String decision(String inputExpression, String output) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="http://msed.ru/dmn">
                  <decision id="test-decision" name="Тест">
                    <decisionTable id="T">
                      <input id="I" label="Вход">%s</input>
                      <output id="O" name="result" typeRef="string" />
                      <rule id="R"><inputEntry id="E"><text></text></inputEntry><outputEntry id="OE"><text>%s</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(inputExpression, output.replace("\"", "&quot;"));
    }

    private ResponseEntity<String> deploy(String fileName, String content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "msed-test-" + fileName.replaceAll("\\..*", ""));
        body.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return Http.as(port, "analyst").post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toEntity(String.class);
    }
}
