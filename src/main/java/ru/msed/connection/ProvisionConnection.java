package ru.msed.connection;

import static ru.msed.connection.ConnectionRequestVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;

/** Creates the organization, departments and users (or changes them) and notifies the applicant. */
@Component("provisionConnection")
class ProvisionConnection implements JavaDelegate {

    private final Provisioning provisioning;

    ProvisionConnection(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        provisioning.provision(requestId(execution), Actor.of(execution, null));
    }
}
