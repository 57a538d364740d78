package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;

/**
 * Obscene or insulting language, threats (art. 11.3 of 59-FZ): the head left the questions unanswered; the
 * applicant is told that abusing the right is inadmissible.
 */
@Component("leaveAbusiveUnanswered")
class LeaveAbusiveUnanswered implements JavaDelegate {

    static final String NOTICE = "Ваше обращение содержит нецензурные либо оскорбительные выражения, угрозы жизни, "
            + "здоровью или имуществу должностного лица либо членов его семьи. В соответствии с частью 3 статьи 11 "
            + "Федерального закона от 02.05.2006 № 59-ФЗ оно оставлено без ответа по существу поставленных в нём "
            + "вопросов. Сообщаем о недопустимости злоупотребления правом.";

    private final Appeals appeals;
    private final AppealProperties properties;

    LeaveAbusiveUnanswered(Appeals appeals, AppealProperties properties) {
        this.appeals = appeals;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appeals.closeWithoutAnswer(documentId(execution), AppealResult.LEFT_UNANSWERED, NOTICE,
                new ProcessValues(execution).text(REVIEW_NOTE), Actor.of(execution, null), properties.caseFile());
    }
}
