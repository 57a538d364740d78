package ru.msed.security;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.msed.engine.FormFields;
import ru.msed.engine.VariablesContract;
import ru.msed.engine.VariablesContracts;

/**
 * What {@link RestVariableGuard} needs to know about the object a REST call names: the task's form
 * fields, the start form's fields, the diagram's variables contract. Looked up as the calling user
 * (what they may not see, the engine refuses anyway); forms and definitions are immutable once
 * deployed, so their fields are cached per definition.
 */
@Component
class EngineRestObjects {

    record TaskFields(String taskName, Set<String> fields, VariablesContract contract) {
    }

    record StartFields(String processName, Set<String> fields, VariablesContract contract) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final FormService forms;
    private final VariablesContracts contracts;
    private final Map<String, Set<String>> formFieldsByElement = new ConcurrentHashMap<>();
    private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();

    EngineRestObjects(TaskService tasks, RuntimeService runtime, RepositoryService repository, FormService forms,
            VariablesContracts contracts) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.forms = forms;
        this.contracts = contracts;
    }

    TaskFields taskFields(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return null;
        }
        if (task.getProcessDefinitionId() == null) {
            return new TaskFields(task.getName(), Set.of(), null);
        }
        Set<String> fields = cached(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                () -> forms.getDeployedTaskForm(taskId));
        ProcessDefinition definition = definition(task.getProcessDefinitionId());
        return new TaskFields(task.getName(), fields, contracts.of(definition.getKey()).orElse(null));
    }

    /** For process-definition/{id}/…, process-definition/key/{key}/… and …/key/{key}/tenant-id/{tenant}/…. */
    StartFields startFields(List<String> path) {
        ProcessDefinition definition;
        if (path.size() >= 4 && path.get(1).equals("key")) {
            ProcessDefinitionQuery query = repository.createProcessDefinitionQuery().processDefinitionKey(path.get(2))
                    .latestVersion();
            if (path.size() >= 6 && path.get(3).equals("tenant-id")) {
                query.tenantIdIn(path.get(4));
            } else {
                query.withoutTenantId();
            }
            definition = query.singleResult();
        } else {
            definition = repository.createProcessDefinitionQuery().processDefinitionId(path.get(1)).singleResult();
        }
        if (definition == null) {
            return null;
        }
        String id = definition.getId();
        Set<String> fields = cached(id + "#start", () -> forms.getDeployedStartForm(id));
        return new StartFields(definition.getName(), fields, contracts.of(definition.getKey()).orElse(null));
    }

    VariablesContract contractOfExecution(String executionId) {
        Execution execution = runtime.createExecutionQuery().executionId(executionId).singleResult();
        if (execution == null) {
            return null;
        }
        String definitionId = runtime.createProcessInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .singleResult().getProcessDefinitionId();
        return contracts.of(definition(definitionId).getKey()).orElse(null);
    }

    Set<String> engineOwnedAnywhere() {
        return contracts.engineOwnedAnywhere();
    }

    private ProcessDefinition definition(String definitionId) {
        return definitions.computeIfAbsent(definitionId, id -> repository.getProcessDefinition(id));
    }

    private interface FormSource {
        InputStream open();
    }

    /**
     * A deployed Camunda Form's fields; an element without one accepts no fields. Only a form that
     * was read is cached (a failure may be this user's, not the form's).
     */
    private Set<String> cached(String element, FormSource source) {
        Set<String> fields = formFieldsByElement.get(element);
        if (fields != null) {
            return fields;
        }
        try {
            fields = FormFields.of(source.open());
        } catch (ProcessEngineException | java.io.UncheckedIOException e) {
            return Set.of();
        }
        formFieldsByElement.put(element, fields);
        return fields;
    }
}
