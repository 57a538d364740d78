package ru.msed.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in a delegate: the authenticated user who completed the step, else a named fallback. */
public final class Actor {

    private Actor() {
    }

    public static String of(DelegateExecution execution, String fallback) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return fallback != null ? fallback : "system";
    }
}
