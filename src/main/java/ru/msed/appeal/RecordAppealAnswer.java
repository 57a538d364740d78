package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;

/**
 * The answer is signed, registered and sent: it must be the outgoing document this instance's call
 * created (its instance's business key), not a variable's word for it.
 */
@Component("recordAppealAnswer")
class RecordAppealAnswer implements JavaDelegate {

    private final Appeals appeals;

    RecordAppealAnswer(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long answerId = ((Number) execution.getVariable(ANSWER_DOCUMENT_ID)).longValue();
        boolean calledByThisInstance = execution.getProcessEngineServices().getHistoryService()
                .createHistoricProcessInstanceQuery().superProcessInstanceId(execution.getProcessInstanceId())
                .processDefinitionKey(ANSWER_PROCESS).processInstanceBusinessKey(Long.toString(answerId)).count() > 0;
        if (!calledByThisInstance) {
            throw new AuthorizationException("Ответ " + answerId + " подготовлен не по этому обращению.");
        }
        appeals.answered(documentId(execution), answerId, Actor.of(execution, null));
    }
}
