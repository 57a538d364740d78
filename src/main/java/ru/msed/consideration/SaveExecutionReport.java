package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.execution.ExecutionService;
import ru.msed.resolution.ResolutionService;
import ru.msed.engine.ProcessValues;

/**
 * Stores what an executor wrote. The responsible executor's report ends the multi-instance
 * (its completion condition reads {@code reportSubmitted}) and is shown to the controller.
 */
@Component("saveExecutionReport")
class SaveExecutionReport implements JavaDelegate {

    private final ExecutionService executions;
    private final ResolutionService resolutions;
    private final ContributionsText contributions;

    SaveExecutionReport(ExecutionService executions, ResolutionService resolutions, ContributionsText contributions) {
        this.executions = executions;
        this.resolutions = resolutions;
        this.contributions = contributions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Inside the multi-instance the executor is the element variable; in rework it is the responsible one.
        String executor = (String) (execution.hasVariable(EXECUTOR)
                ? execution.getVariable(EXECUTOR) : execution.getVariable(RESPONSIBLE_EXECUTOR));
        String text = new ProcessValues(execution).text(REPORT_TEXT);
        long resolutionId = resolutionId(execution, resolutions);
        boolean responsible = executions.submit(resolutionId, documentId(execution), executor, text);
        if (!responsible) {
            // The responsible executor's form shows the co-executors' parts as they arrive.
            execution.getProcessInstance().setVariable(CONTRIBUTIONS, contributions.of(resolutionId));
        } else {
            execution.getProcessInstance().setVariable(REPORT_SUBMITTED, true);
            execution.getProcessInstance().setVariable(RESPONSIBLE_REPORT, text.strip());
            execution.getProcessInstance().removeVariable(CONTROLLER_DECISION);
        }
    }
}
