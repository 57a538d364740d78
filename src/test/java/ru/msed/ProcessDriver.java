package ru.msed;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives the document diagrams through the engine's Java API as the demo users would, with their authorizations. */
@Component
public class ProcessDriver {

    private final ProcessEngine engine;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    public <T> T as(String userId, Supplier<T> action) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        identity.setAuthentication(userId, groups, tenants);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    public ProcessInstance startRegistration() {
        return startRegistrationAs("registrar");
    }

    public ProcessInstance startRegistrationAs(String registrar) {
        return as(registrar, () -> engine.getRuntimeService().startProcessInstanceByKey("incoming-document"));
    }

    /** A task of the card's regulation: of the instance itself or of a diagram it calls (same business key). */
    public Task task(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey(instance))
                .taskDefinitionKey(taskKey).singleResult();
    }

    public Task taskOf(ProcessInstance instance, String taskKey, String assignee) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey(instance))
                .taskDefinitionKey(taskKey).taskAssignee(assignee).singleResult();
    }

    /** The running consideration (document-consideration.bpmn) the instance called: resolution, execution, control. */
    public ProcessInstance consideration(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey("document-consideration").singleResult();
    }

    /** The consideration's id, running or ended. */
    public String considerationId(ProcessInstance instance) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey("document-consideration").singleResult().getId();
    }

    /** The card's id: set on the instance by the delegate that created the card (read without the user's rights). */
    private String businessKey(ProcessInstance instance) {
        return instance.getBusinessKey() != null ? instance.getBusinessKey() : Long.toString(documentId(instance));
    }

    public void complete(Task task, String userId, Map<String, Object> variables) {
        as(userId, () -> {
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    public static Map<String, Object> validCard() {
        Map<String, Object> card = new HashMap<>();
        card.put("receivedDate", LocalDate.now().toString());
        card.put("correspondent", "Администрация городского округа Демо");
        card.put("correspondentNumber", "01-15/342");
        card.put("correspondentDate", LocalDate.now().minusDays(2).toString());
        card.put("signatory", "Глава округа Сидоров А. А.");
        card.put("addressee", "Петров С. Н.");
        card.put("summary", "О предоставлении сведений об исполнении программы");
        card.put("deliveryMethod", "MEDO");
        card.put("sheetCount", 3);
        card.put("accessLevel", "GENERAL");
        card.put("topic", "FINANCE");
        return card;
    }

    public static Map<String, Object> resolution(String responsible, List<String> coExecutors, boolean onControl) {
        Map<String, Object> resolution = new HashMap<>();
        resolution.put("resolutionText", "Подготовить сведения и проект ответа");
        resolution.put("responsibleExecutor", responsible);
        resolution.put("coExecutors", String.join(",", coExecutors));
        resolution.put("deadline", LocalDate.now().plusDays(10).toString());
        resolution.put("onControl", onControl);
        return resolution;
    }

    /** Registered, and the number stamped on the original by the registrar: the draft resolution is next. */
    public ProcessInstance registered() {
        ProcessInstance instance = startRegistration();
        complete(task(instance, "Task_FillRegistrationCard"), "registrar", validCard());
        complete(task(instance, "Task_StampNumber"), "registrar", Map.of());
        return instance;
    }

    /** Registered, drafted and approved as drafted: the executors have their assignments. */
    public ProcessInstance onExecution(String responsible, List<String> coExecutors, boolean onControl) {
        ProcessInstance instance = registered();
        complete(task(instance, "Task_DraftResolution"), "assistant", resolution(responsible, coExecutors, onControl));
        complete(task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));
        return instance;
    }

    public long documentId(ProcessInstance instance) {
        return Long.parseLong(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult().getBusinessKey());
    }
}
