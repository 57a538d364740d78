package ru.msed.consideration;

import static ru.msed.consideration.DocumentConsiderationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import ru.msed.engine.ProcessValues;
import ru.msed.resolution.ResolutionDraft;
import ru.msed.web.UserInputException;

/** Reads the resolution fields shared by the draft and review forms. */
final class ResolutionForm {

    private ResolutionForm() {
    }

    static ResolutionDraft read(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        ResolutionDraft draft = new ResolutionDraft(form.text(RESOLUTION_TEXT), form.text(RESPONSIBLE_EXECUTOR),
                form.list(CO_EXECUTORS), form.date(DEADLINE, "Срок исполнения"), form.flag(ON_CONTROL));
        if (!form.problems().isEmpty()) {
            throw new UserInputException(form.problems());
        }
        return draft;
    }
}
