package ru.msed.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.msed.engine.VariablesContract;
import ru.msed.organization.StaffAdministration;

/**
 * Nothing a client sends through the engine's REST APIs ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}) decides which object a step works on. The engine itself would let a
 * task's user set any variable; here every write path is checked before it reaches the engine:
 * <ul>
 *   <li>completing or resolving a task, submitting its form, or setting its variables: only the
 *       fields of that task's deployed form, never an engine-owned variable of the diagram;</li>
 *   <li>starting an instance: only diagrams users may start, only their start form's fields, no
 *       business key (the card's id is the business key) and no start before an inner activity;</li>
 *   <li>instance, execution and batch variables, messages, signals, conditions, external tasks and
 *       ad-hoc tasks: technical support only, and never an engine-owned variable;</li>
 *   <li>any other call that writes variables (a JSON object of values under a variables key):
 *       technical support only, never engine-owned ones — new endpoints are refused by default.</li>
 * </ul>
 * Values are limited to plain types and JSON (no Java objects, files or XML). A refusal is a 403 or
 * 400 with a Russian problem body and changes nothing.
 */
class RestVariableGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("ru.msed.security.variables");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> VALUE_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
            "date", "null", "json");
    /** Keys under which the REST API takes variables to write (a JSON object: name → value). */
    private static final Set<String> VARIABLE_KEYS = Set.of("variables", "variablesLocal", "localVariables",
            "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope", "modifications");
    private static final int MAX_BODY = 1024 * 1024;

    private final EngineRestObjects objects;
    private final IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();

    RestVariableGuard(EngineRestObjects objects, IdentityService identity) {
        this.objects = objects;
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> path = enginePath(request);
        if (path.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request, isMultipart(request) ? 0 : MAX_BODY);
        if (cached.tooLarge()) {
            refuse(response, request, HttpStatus.PAYLOAD_TOO_LARGE, "Слишком большой запрос",
                    "Тело запроса больше " + MAX_BODY / 1024 + " КБ.");
            return;
        }
        JsonNode body;
        try {
            body = cached.body().length == 0 ? json.createObjectNode() : json.readTree(cached.body());
        } catch (IOException e) {
            if (isJson(request)) {
                refuse(response, request, HttpStatus.BAD_REQUEST, "Ошибка в запросе", "Тело запроса — не корректный JSON.");
                return;
            }
            body = json.createObjectNode(); // not JSON at all: the JSON endpoints refuse it (415) themselves
        }
        Refusal refusal = check(request.getMethod(), path, body == null ? json.createObjectNode() : body);
        if (refusal != null) {
            refuse(response, request, refusal.status(), refusal.title(), refusal.detail());
            return;
        }
        chain.doFilter(cached, response);
    }

    record Refusal(HttpStatus status, String title, String detail) {

        static Refusal forbidden(String detail) {
            return new Refusal(HttpStatus.FORBIDDEN, "Действие запрещено", detail);
        }

        static Refusal invalid(String detail) {
            return new Refusal(HttpStatus.BAD_REQUEST, "Ошибка в запросе", detail);
        }
    }

    private Refusal check(String method, List<String> path, JsonNode body) {
        String first = path.get(0);
        String last = path.get(path.size() - 1);
        if (last.equals("evaluate")) {
            return null; // a decision table's evaluation writes nothing
        }
        if (first.equals("task")) {
            return checkTask(method, path, body);
        }
        if (first.equals("process-definition") && (last.equals("start") || last.equals("submit-form"))) {
            return checkStart(path, body);
        }
        if (first.equals("process-instance") || first.equals("execution")) {
            String variableResource = path.size() > 2 ? path.get(2) : "";
            if (path.size() > 2 && (variableResource.equals("variables") || variableResource.equals("localVariables"))) {
                return checkInstanceVariables(path.get(1), names(path, 3, body), body);
            }
        }
        if (Set.of("message", "signal", "condition", "external-task").contains(first)
                || (first.equals("execution") && (last.equals("signal") || last.equals("trigger")))
                || (first.equals("process-instance") && last.equals("variables-async"))) {
            return supportOnly(written(body), objects.engineOwnedAnywhere(),
                    "Это действие выполняет только система или техническая поддержка.");
        }
        // Anything else that writes variables: support only, and never engine-owned ones.
        Map<String, JsonNode> written = written(body);
        return written.isEmpty() ? null : supportOnly(written, objects.engineOwnedAnywhere(),
                "Изменять переменные процессов через этот вызов может только техническая поддержка.");
    }

    private Refusal checkTask(String method, List<String> path, JsonNode body) {
        if (path.size() == 2 && path.get(1).equals("create")) {
            return isSupport() ? null
                    : Refusal.forbidden("Задачи создаются только регламентами: отдельную задачу создать нельзя.");
        }
        if (path.size() < 3) {
            return null; // queries, and PUT task/{id} (due and follow-up dates, name)
        }
        String taskId = path.get(1);
        String action = path.get(2);
        return switch (action) {
            case "complete", "submit-form", "resolve" -> checkTaskFields(taskId, written(body));
            case "variables", "localVariables" -> checkTaskFields(taskId, path.size() > 3
                    ? Map.of(path.get(3), "PUT".equals(method) && path.size() == 4 ? body : json.nullNode())
                    : writtenOrDeleted(body));
            case "bpmnError", "bpmnEscalation" -> supportOnly(written(body), objects.engineOwnedAnywhere(),
                    "Прервать задачу ошибкой или эскалацией может только техническая поддержка.");
            default -> null;
        };
    }

    private Refusal checkTaskFields(String taskId, Map<String, JsonNode> written) {
        if (written.isEmpty()) {
            return null;
        }
        EngineRestObjects.TaskFields task = objects.taskFields(taskId);
        if (task == null) {
            return null; // not visible to this user: the engine answers 403/404 itself
        }
        for (Map.Entry<String, JsonNode> variable : written.entrySet()) {
            String name = variable.getKey();
            if (task.contract() != null && task.contract().isEngineOwned(name)) {
                return engineOwned(name);
            }
            if (!task.fields().contains(name)) {
                return Refusal.forbidden("Поле «" + name + "» не входит в форму задачи «" + task.taskName()
                        + "»: его нельзя передать при её выполнении.");
            }
            Refusal type = checkType(name, variable.getValue());
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private Refusal checkStart(List<String> path, JsonNode body) {
        EngineRestObjects.StartFields start = objects.startFields(path);
        if (start == null) {
            return null; // unknown or invisible definition: the engine answers itself
        }
        VariablesContract contract = start.contract();
        if (contract != null && !contract.startableByUsers()) {
            return Refusal.forbidden("Регламент «" + start.processName()
                    + "» запускает только система (например, при загрузке заявки), а не пользователь.");
        }
        if (!body.path("businessKey").asText("").isBlank()) {
            return Refusal.invalid("Бизнес-ключ процесса назначает система (это идентификатор карточки): не указывайте его.");
        }
        if (body.path("startInstructions").size() > 0 || body.path("skipCustomListeners").asBoolean(false)
                || body.path("skipIoMappings").asBoolean(false) || !body.path("caseInstanceId").asText("").isBlank()) {
            return Refusal.forbidden("Процесс начинается только со своего начального события.");
        }
        for (Map.Entry<String, JsonNode> variable : written(body).entrySet()) {
            String name = variable.getKey();
            if (contract != null && contract.isEngineOwned(name)) {
                return engineOwned(name);
            }
            boolean allowed = start.fields().contains(name) || (contract != null && contract.startVariables().contains(name));
            if (!allowed) {
                return Refusal.forbidden("Поле «" + name + "» не входит в форму запуска «" + start.processName()
                        + "»: его нельзя передать при запуске.");
            }
            Refusal type = checkType(name, variable.getValue());
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private Refusal checkInstanceVariables(String instanceOrExecutionId, Map<String, JsonNode> written, JsonNode body) {
        if (!isSupport()) {
            return Refusal.forbidden("Переменные процесса меняются только через формы задач.");
        }
        VariablesContract contract = objects.contractOfExecution(instanceOrExecutionId);
        Set<String> engineOwned = contract == null ? objects.engineOwnedAnywhere() : contract.engineOwned();
        return supportOnly(written, engineOwned, null);
    }

    /** Support may write variables that are not engine-owned; everybody else nothing. */
    private Refusal supportOnly(Map<String, JsonNode> written, Set<String> engineOwned, String refusalForOthers) {
        if (!isSupport()) {
            return refusalForOthers == null && written.isEmpty() ? null
                    : Refusal.forbidden(refusalForOthers != null ? refusalForOthers
                            : "Переменные процесса меняются только через формы задач.");
        }
        for (Map.Entry<String, JsonNode> variable : written.entrySet()) {
            if (engineOwned.contains(variable.getKey())) {
                return engineOwned(variable.getKey());
            }
            Refusal type = checkType(variable.getKey(), variable.getValue());
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private static Refusal engineOwned(String name) {
        return Refusal.forbidden("Поле «" + name + "» заполняет система: его нельзя передать через API.");
    }

    /** Plain values and JSON only: no serialized Java objects (deserialization), files or XML. */
    private static Refusal checkType(String name, JsonNode value) {
        if (value == null || !value.isObject()) {
            return null;
        }
        String type = value.path("type").asText("");
        if (!type.isEmpty() && !VALUE_TYPES.contains(type.toLowerCase())) {
            return Refusal.invalid("Поле «" + name + "»: тип значения «" + type + "» не допускается.");
        }
        JsonNode info = value.path("valueInfo");
        if (info.hasNonNull("objectTypeName") || (info.hasNonNull("serializationDataFormat")
                && !"application/json".equals(info.get("serializationDataFormat").asText()))) {
            return Refusal.invalid("Поле «" + name + "»: сериализованные объекты не допускаются.");
        }
        return null;
    }

    /** Variables written by the body: every JSON object under a variables key (query criteria are arrays). */
    private static Map<String, JsonNode> written(JsonNode body) {
        Map<String, JsonNode> written = new java.util.LinkedHashMap<>();
        collect(body, written);
        return written;
    }

    private static void collect(JsonNode node, Map<String, JsonNode> written) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, written));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (VARIABLE_KEYS.contains(field.getKey()) && field.getValue().isObject()) {
                    field.getValue().fields().forEachRemaining(v -> written.put(v.getKey(), v.getValue()));
                } else {
                    collect(field.getValue(), written);
                }
            }
        }
    }

    private static Map<String, JsonNode> writtenOrDeleted(JsonNode body) {
        Map<String, JsonNode> names = written(body);
        body.path("deletions").forEach(name -> names.put(name.asText(), null));
        return names;
    }

    private Map<String, JsonNode> names(List<String> path, int nameIndex, JsonNode body) {
        return path.size() > nameIndex ? Map.of(path.get(nameIndex), body) : writtenOrDeleted(body);
    }

    private boolean isSupport() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(StaffAdministration.SUPPORT_GROUP);
    }

    /**
     * The path inside the engine's REST API, split: {@code /engine-rest/task/5/complete},
     * {@code /engine-rest/engine/default/task/5/complete} and the webapps'
     * {@code /camunda/api/engine/engine/default/task/5/complete} all give [task, 5, complete].
     */
    static List<String> enginePath(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        List<String> segments = new ArrayList<>(Arrays.stream(uri.split("/")).filter(s -> !s.isEmpty()).toList());
        int skip;
        if (segments.size() > 1 && segments.get(0).equals("engine-rest")) {
            skip = segments.get(1).equals("engine") ? 3 : 1;
        } else if (segments.size() > 4 && segments.subList(0, 4).equals(List.of("camunda", "api", "engine", "engine"))) {
            skip = 5;
        } else {
            return List.of();
        }
        return segments.size() > skip ? segments.subList(skip, segments.size()) : List.of();
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || type.toLowerCase().contains("json");
    }

    /** Uploads (variables' binary data, deployments): names come from the path, resources are validated at deployment. */
    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private void refuse(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String title,
            String detail) throws IOException {
        Authentication authentication = identity.getCurrentAuthentication();
        log.warn("Refused {} {} for user '{}': {}", request.getMethod(), request.getRequestURI(),
                authentication == null ? null : authentication.getUserId(), detail);
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        // "type"/"message" as Camunda's REST errors (Tasklist shows the message), plus RFC 9457 fields.
        var problem = json.createObjectNode()
                .put("type", "about:blank").put("title", title).put("status", status.value()).put("detail", detail)
                .put("message", detail);
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
