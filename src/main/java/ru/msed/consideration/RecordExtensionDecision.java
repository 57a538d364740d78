package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.msed.execution.ExecutionService;
import ru.msed.execution.ExtensionDecision;
import ru.msed.execution.ExtensionRequest;
import ru.msed.calendar.RussianDates;
import ru.msed.calendar.WorkingDays;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;
import ru.msed.resolution.ResolutionService;

/**
 * Records the author's decision on an extension. On approval the resolution's deadline, every
 * open assignment task's due and follow-up dates and the diagram's deadline timer move together.
 */
@Component("recordExtensionDecision")
class RecordExtensionDecision implements JavaDelegate {

    private final ExecutionService executions;
    private final ResolutionService resolutions;
    private final WorkingDays workingDays;

    RecordExtensionDecision(ExecutionService executions, ResolutionService resolutions, WorkingDays workingDays) {
        this.executions = executions;
        this.resolutions = resolutions;
        this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        ExtensionDecision decision = ExtensionDecision.ofForm(form.text(EXTENSION_DECISION)).orElse(null);
        ExtensionRequest request = executions.decideExtension(extensionRequestId(execution, resolutions, executions),
                documentId(execution), decision, form.text(EXTENSION_COMMENT), Actor.of(execution, null));
        if (decision == ExtensionDecision.APPROVE) {
            resolutions.moveDeadline(request.getResolutionId(), request.getRequestedDeadline());
            var due = workingDays.endOf(request.getRequestedDeadline());
            execution.getProcessInstance().setVariable(ASSIGNMENT_DUE_DATE, due);
            execution.getProcessInstance().setVariable(DEADLINE, request.getRequestedDeadline().toString());
            execution.getProcessInstance().setVariable(DEADLINE_TEXT, RussianDates.format(request.getRequestedDeadline()));
            ProcessEngineServices engine = execution.getProcessEngineServices();
            for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(TASK_EXECUTE_ASSIGNMENT).list()) {
                engine.getTaskService().setDueDate(task.getId(), due);
                engine.getTaskService().setFollowUpDate(task.getId(), workingDays.before(due, 2));
            }
            Job timer = engine.getManagementService().createJobQuery().processInstanceId(execution.getProcessInstanceId())
                    .activityId(DEADLINE_TIMER).singleResult();
            if (timer != null) {
                engine.getManagementService().setJobDuedate(timer.getId(), due);
            }
        }
    }
}
