package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.engine.Actor;
import ru.msed.engine.ProcessValues;
import ru.msed.web.UserInputException;

/**
 * A question answered on the merits several times, with no new arguments (art. 11.5 of 59-FZ): the head
 * ended the correspondence on it; the applicant is told.
 */
@Component("endCorrespondence")
class EndCorrespondence implements JavaDelegate {

    static final String NOTICE = "В обращении содержится вопрос, на который вам неоднократно давались письменные ответы "
            + "по существу, и не приводятся новые доводы или обстоятельства. В соответствии с частью 5 статьи 11 "
            + "Федерального закона от 02.05.2006 № 59-ФЗ принято решение о безосновательности очередного обращения "
            + "и прекращении переписки с вами по данному вопросу.";

    private final Appeals appeals;
    private final AppealProperties properties;

    EndCorrespondence(Appeals appeals, AppealProperties properties) {
        this.appeals = appeals;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = documentId(execution);
        if (!appeals.appeal(documentId).isRepeated()) {
            throw new UserInputException("Переписку можно прекратить только по повторному обращению.");
        }
        appeals.closeWithoutAnswer(documentId, AppealResult.CORRESPONDENCE_ENDED, NOTICE,
                new ProcessValues(execution).text(REVIEW_NOTE), Actor.of(execution, null), properties.caseFile());
    }
}
