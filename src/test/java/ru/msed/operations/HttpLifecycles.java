package ru.msed.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import ru.msed.Http;

/**
 * Drives incoming-document lifecycles over {@code /engine-rest} as the demo users do in Tasklist:
 * start, then one step at a time (claim if needed, submit the task's form), from wherever an
 * instance stands. Every method returns only on a 2xx; anything else throws.
 */
final class HttpLifecycles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    /** Instance id → business key (the card's id), which never changes: asked of the history once per instance. */
    private final Map<String, String> businessKeys = new ConcurrentHashMap<>();

    HttpLifecycles(int port) {
        this.port = port;
    }

    record Started(String instanceId, long documentId) {
    }

    record Completed(String instanceId, String taskId, String taskKey) {
    }

    private RestClient as(String user) {
        return Http.as(port, user);
    }

    Started start() {
        JsonNode started = ok(as("registrar").post().uri("/engine-rest/process-definition/key/incoming-document/start")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(JsonNode.class));
        businessKeys.put(started.get("id").asText(), started.get("businessKey").asText());
        return new Started(started.get("id").asText(), Long.parseLong(started.get("businessKey").asText()));
    }

    /**
     * Completes the instance's next task — its own or one of the consideration it calls (same business
     * key, the card's id); empty when the instance has ended.
     */
    Optional<Completed> step(String instanceId) {
        String businessKey = businessKey(instanceId);
        JsonNode tasks = ok(as("support").get().uri("/engine-rest/task?processInstanceBusinessKey={key}", businessKey)
                .retrieve().toEntity(JsonNode.class));
        if (tasks.isEmpty()) {
            int status = as("support").get().uri("/engine-rest/process-instance/{id}", instanceId).retrieve().toBodilessEntity()
                    .getStatusCode().value();
            if (status == 404) {
                return Optional.empty();
            }
            throw new IllegalStateException("Instance " + instanceId + " has no open task (status " + status + ")");
        }
        JsonNode task = tasks.get(0);
        String key = task.get("taskDefinitionKey").asText();
        String user = task.get("assignee").isNull() ? userFor(key) : task.get("assignee").asText();
        String taskId = task.get("id").asText();
        if (task.get("assignee").isNull()) {
            ok(as(user).post().uri("/engine-rest/task/{id}/claim", taskId).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("userId", user)).retrieve().toEntity(String.class));
        }
        ObjectNode variables = JSON.createObjectNode();
        formValues(key).forEach((name, value) -> variables.set(name, value instanceof ObjectNode typed ? typed
                : JSON.createObjectNode().set("value", JSON.valueToTree(value))));
        ok(as(user).post().uri("/engine-rest/task/{id}/submit-form", taskId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", variables)).retrieve().toEntity(String.class));
        return Optional.of(new Completed(instanceId, taskId, key));
    }

    private String businessKey(String instanceId) {
        String known = businessKeys.get(instanceId);
        if (known != null) {
            return known;
        }
        String businessKey = ok(as("support").get().uri("/engine-rest/history/process-instance/{id}", instanceId).retrieve()
                .toEntity(JsonNode.class)).get("businessKey").asText();
        businessKeys.put(instanceId, businessKey);
        return businessKey;
    }

    /** The card's registration number, as the card API shows it. */
    String number(long documentId) {
        JsonNode number = ok(as("registrar").get().uri("/api/documents/{id}", documentId).retrieve().toEntity(JsonNode.class))
                .get("registrationNumber");
        return number == null || number.isNull() ? null : number.asText();
    }

    private static String userFor(String taskKey) {
        return switch (taskKey) {
            case "Task_FillRegistrationCard", "Task_StampNumber", "Task_CloseDocument" -> "registrar";
            case "Task_DraftResolution" -> "assistant";
            case "Task_ReviewResolution" -> "manager";
            case "Task_ControlReport", "Task_OverdueControl" -> "controller";
            default -> "executor1";
        };
    }

    private static Map<String, Object> formValues(String taskKey) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (taskKey) {
            case "Task_FillRegistrationCard" -> {
                values.put("receivedDate", LocalDate.now().toString());
                values.put("correspondent", "Администрация городского округа Демо");
                values.put("correspondentNumber", "01-15/342");
                values.put("summary", "О предоставлении сведений");
                values.put("deliveryMethod", "MEDO");
                values.put("sheetCount", 2);
                values.put("accessLevel", "GENERAL");
                values.put("topic", "FINANCE");
            }
            case "Task_DraftResolution" -> {
                values.put("resolutionText", "Подготовить ответ");
                values.put("responsibleExecutor", "executor1");
                values.put("coExecutors", JSON.createObjectNode().put("value", "[]").put("type", "Json"));
                values.put("deadline", LocalDate.now().plusDays(10).toString());
                values.put("onControl", false);
            }
            case "Task_ReviewResolution" -> values.put("managerDecision", "approve");
            case "Task_StampNumber" -> {
                // Nothing to type: the registrar confirms the number is on the paper original.
            }
            case "Task_ExecuteAssignment", "Task_ReworkReport" -> values.put("reportText", "Ответ направлен");
            case "Task_ControlReport" -> values.put("controllerDecision", "accept");
            case "Task_CloseDocument" -> {
                values.put("executionMark", "Исполнено");
                values.put("fileReference", "01-01");
            }
            default -> throw new IllegalStateException("No form values for " + taskKey);
        }
        return values;
    }

    private static <T> T ok(ResponseEntity<T> response) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException("HTTP " + response.getStatusCode().value() + ": " + response.getBody());
        }
        return response.getBody();
    }
}
