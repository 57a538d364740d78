package ru.msed.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.WebSession;
import ru.msed.engine.VariablesContract;
import ru.msed.engine.VariablesContracts;

/**
 * Walks every user task of every diagram that has a variables contract and tries to write each of
 * the contract's engine-owned variables, and a variable its form does not declare, through every
 * REST path that writes variables — as technical support, who holds every engine permission, so
 * only the guard can refuse. Every attempt must answer 4xx and leave the variable as it was.
 */
@MsedIntegrationTest
class EngineOwnedVariablesIT {

    private static final String SENTINEL = "забытое значение";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    VariablesContracts contracts;

    @Test
    void noRestPathWritesAnEngineOwnedVariableOrOneTheTaskFormDoesNotDeclare() {
        List<String> leaks = new ArrayList<>();
        RestClient support = Http.as(port, "support");
        WebSession webapp = new WebSession(port, "127.0.0.22");
        assertThat(webapp.webappLogin("support", "demo").status()).isEqualTo(200);
        int tasksWalked = 0;
        for (String processId : List.of("incoming-document", "document-consideration", "outgoing-document",
                "connection-request", "citizen-appeal")) {
            VariablesContract contract = contracts.of(processId).orElseThrow();
            ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(processId).latestVersion().withoutTenantId().singleResult();
            BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
            for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
                ProcessInstance instance = startedAt(processId, userTask.getId());
                Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                        .taskDefinitionKey(userTask.getId()).list().get(0);
                tasksWalked++;
                // Every engine-owned variable through form submission; one of them (a different one per task)
                // through every path; a field the form does not declare through every task path (support may
                // repair other variables of an instance in Cockpit, a task takes only its form's fields).
                List<String> owned = contract.engineOwned().stream().sorted().toList();
                String throughEveryPath = owned.get(tasksWalked % owned.size());
                List<String> attempts = new ArrayList<>(owned);
                attempts.add("undeclaredField");
                for (String variable : attempts) {
                    Object before = engine.getRuntimeService().getVariable(instance.getId(), variable);
                    List<Attempt> paths = attempts(task, instance, variable, support, webapp);
                    List<Attempt> tried = variable.equals(throughEveryPath) ? paths
                            : variable.equals("undeclaredField") ? paths.subList(0, 8) : paths.subList(1, 2);
                    for (Attempt attempt : tried) {
                        int status = attempt.call().get();
                        if (status < 400 || status >= 500) {
                            leaks.add(processId + "/" + userTask.getId() + " " + attempt.path() + " " + variable + " → " + status);
                        }
                    }
                    if (engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0) {
                        leaks.add(processId + "/" + userTask.getId() + ": completed with " + variable);
                        break;
                    }
                    Object after = engine.getRuntimeService().getVariable(instance.getId(), variable);
                    if (!Objects.equals(before, after)) {
                        leaks.add(processId + "/" + userTask.getId() + ": " + variable + " changed from " + before + " to " + after);
                    }
                }
                if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test");
                }
            }
        }
        assertThat(tasksWalked).isGreaterThanOrEqualTo(15);
        assertThat(leaks).isEmpty();
    }

    record Attempt(String path, Supplier<Integer> call) {
    }

    private List<Attempt> attempts(Task task, ProcessInstance instance, String variable, RestClient rest, WebSession webapp) {
        Map<String, Object> value = Map.of("value", SENTINEL, "type", "String");
        Map<String, Object> variables = Map.of(variable, value);
        String t = "/engine-rest/task/" + task.getId();
        String p = "/engine-rest/process-instance/" + instance.getId();
        return List.of(
                new Attempt("task complete", () -> post(rest, t + "/complete", Map.of("variables", variables))),
                new Attempt("task submit-form", () -> post(rest, t + "/submit-form", Map.of("variables", variables))),
                new Attempt("task resolve", () -> post(rest, t + "/resolve", Map.of("variables", variables))),
                new Attempt("task variable PUT", () -> put(rest, t + "/variables/" + variable, value)),
                new Attempt("task variables POST", () -> post(rest, t + "/variables", Map.of("modifications", variables))),
                new Attempt("task variable DELETE", () -> delete(rest, t + "/variables/" + variable)),
                new Attempt("task local variable PUT", () -> put(rest, t + "/localVariables/" + variable, value)),
                new Attempt("task local variables POST", () -> post(rest, t + "/localVariables", Map.of("modifications", variables))),
                new Attempt("instance variable PUT", () -> put(rest, p + "/variables/" + variable, value)),
                new Attempt("instance variables POST", () -> post(rest, p + "/variables", Map.of("modifications", variables))),
                new Attempt("execution local variable PUT",
                        () -> put(rest, "/engine-rest/execution/" + instance.getId() + "/localVariables/" + variable, value)),
                new Attempt("message", () -> post(rest, "/engine-rest/message", Map.of("messageName", "Любое",
                        "processInstanceId", instance.getId(), "processVariables", variables))),
                new Attempt("signal", () -> post(rest, "/engine-rest/signal", Map.of("name", "Любой", "variables", variables))),
                new Attempt("modification", () -> post(rest, p + "/modification", Map.of("instructions", List.of(Map.of(
                        "type", "startBeforeActivity", "activityId", task.getTaskDefinitionKey(), "variables", variables))))),
                new Attempt("variables-async", () -> post(rest, "/engine-rest/process-instance/variables-async",
                        Map.of("processInstanceIds", List.of(instance.getId()), "variables", variables))),
                new Attempt("webapp submit-form", () -> webapp.postJson("/camunda/api/engine/engine/default/task/" + task.getId()
                        + "/submit-form", Map.of("variables", variables)).status()),
                new Attempt("webapp instance variable PUT", () -> webapp.putJson("/camunda/api/engine/engine/default/process-instance/"
                        + instance.getId() + "/variables/" + variable, value).status()));
    }

    /** An instance waiting at the given user task, with the engine-owned values its expressions need. */
    private ProcessInstance startedAt(String processId, String taskId) {
        Map<String, Object> values = new HashMap<>();
        values.put("initiator", "registrar");
        values.put("considerationGroup", "dept-office");
        values.put("executor", "executor1");
        values.put("executors", new ArrayList<>(List.of("executor1")));
        values.put("responsibleExecutor", "executor1");
        values.put("resolutionAuthor", "manager");
        values.put("assignmentDueDate", new Date(System.currentTimeMillis() + 86_400_000L * 30));
        values.put("approver", "executor2");
        values.put("stage", new ArrayList<>(List.of("executor2")));
        values.put("approvalStages", new ArrayList<>(List.of(new ArrayList<>(List.of("executor2")))));
        values.put("signatoryUser", "manager");
        values.put("applicant", "admin");
        values.put("reportSubmitted", false);
        values.put("routeRejected", false);
        values.put("assignedRegistrar", "registrar");
        values.put("receivedAt", new Date());
        values.put("registeredAt", new Date());
        values.put("answerDueDate", new Date(System.currentTimeMillis() + 86_400_000L * 30));
        return driver.as("support", () -> engine.getRuntimeService().createProcessInstanceByKey(processId)
                .businessKey("0").setVariables(values).startBeforeActivity(taskId).execute());
    }

    private static int post(RestClient rest, String uri, Object body) {
        return status(rest.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
    }

    private static int put(RestClient rest, String uri, Object body) {
        return status(rest.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
    }

    private static int delete(RestClient rest, String uri) {
        return status(rest.delete().uri(uri).retrieve().toBodilessEntity());
    }

    private static int status(ResponseEntity<Void> response) {
        return response.getStatusCode().value();
    }

}
