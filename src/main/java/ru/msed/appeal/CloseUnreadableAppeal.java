package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/**
 * The text cannot be read (art. 11.4 of 59-FZ): no answer, not forwarded; the applicant is told within 7
 * days of registration if the name and address can be read.
 */
@Component("closeUnreadableAppeal")
class CloseUnreadableAppeal implements JavaDelegate {

    static final String NOTICE = "Текст вашего обращения не поддаётся прочтению. В соответствии с частью 4 статьи 11 "
            + "Федерального закона от 02.05.2006 № 59-ФЗ ответ на него не даётся и оно не направляется на рассмотрение "
            + "в другие органы. Вы можете обратиться повторно.";

    private final Appeals appeals;
    private final AppealProperties properties;

    CloseUnreadableAppeal(Appeals appeals, AppealProperties properties) {
        this.appeals = appeals;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessValues form = new ProcessValues(execution);
        appeals.closeWithoutAnswer(documentId(execution), AppealResult.NOT_READABLE,
                form.flag(ADDRESS_READABLE) ? NOTICE : null, form.text(REVIEW_NOTE), Actor.of(execution, null),
                properties.caseFile());
    }
}
