package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/** Closes the considered appeal: its result, the answer's number and date, «в дело №». */
@Component("closeAppeal")
class CloseAppeal implements JavaDelegate {

    private final Appeals appeals;

    CloseAppeal(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        AppealResult result = form.choice(APPEAL_RESULT, AppealResult.class, "Результат рассмотрения");
        if (!form.problems().isEmpty()) {
            throw new UserInputException(form.problems());
        }
        appeals.closeAnswered(documentId(execution), result, form.text(FILE_REFERENCE), Actor.of(execution, null));
    }
}
