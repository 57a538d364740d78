package ru.msed.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the id of the object an instance works on (a card, a connection request) and proves it is
 * the one the instance was created for: the delegate that created the object made its id the
 * instance's business key, which no API call can change afterwards. A forged variable therefore
 * fails here even if it slipped past the REST guard (403, nothing written).
 */
public final class InstanceKey {

    private static final Logger log = LoggerFactory.getLogger("ru.msed.security.variables");

    private InstanceKey() {
    }

    public static long of(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        String businessKey = execution.getProcessBusinessKey();
        if (value instanceof Number id && businessKey != null && businessKey.equals(Long.toString(id.longValue()))) {
            return id.longValue();
        }
        log.warn("Instance {} (business key {}) refused a forged {} = {}", execution.getProcessInstanceId(), businessKey,
                variable, value);
        throw new AuthorizationException("Объект «" + variable + "» не принадлежит этому процессу.");
    }

    /** A related object (a resolution of the card, say) must name this instance's object as its owner. */
    public static void requireOwner(long expectedOwnerId, long actualOwnerId, String what) {
        if (expectedOwnerId != actualOwnerId) {
            log.warn("Refused {} of owner {} inside the instance of owner {}", what, actualOwnerId, expectedOwnerId);
            throw new AuthorizationException("Объект «" + what + "» не принадлежит этому процессу.");
        }
    }
}
