package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import ru.msed.resolution.ResolutionService;
import ru.msed.organization.StaffMember;

/** Fills the executor drop-downs of the resolution forms with the organization's executors. */
@Component("prepareExecutorList")
class PrepareExecutorList implements JavaDelegate {

    private final ResolutionService resolutions;

    PrepareExecutorList(ResolutionService resolutions) {
        this.resolutions = resolutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SpinJsonNode options = Spin.JSON("[]");
        for (StaffMember executor : resolutions.eligibleExecutors(documentId(execution))) {
            SpinJsonNode option = Spin.JSON("{}");
            option.prop("label", executor.shortName() + " — " + executor.position());
            option.prop("value", executor.userId());
            options.append(option);
        }
        execution.setVariable(EXECUTOR_OPTIONS, SpinValues.jsonValue(options).create());
    }
}
