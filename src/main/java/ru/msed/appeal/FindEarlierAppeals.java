package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.Document;
import ru.msed.document.DocumentService;

/**
 * Shows the registrar the applicant's earlier appeals (same name and address), checked as linked, and
 * fills the registration form's lists: the thematic classifier and the bodies a complaint may be about.
 */
@Component("findEarlierAppeals")
class FindEarlierAppeals implements JavaDelegate {

    private final Appeals appeals;
    private final DocumentService documents;
    private final ThematicClassifier topics;
    private final CompetentBodies bodies;

    FindEarlierAppeals(Appeals appeals, DocumentService documents, ThematicClassifier topics, CompetentBodies bodies) {
        this.appeals = appeals;
        this.documents = documents;
        this.topics = topics;
        this.bodies = bodies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long documentId = documentId(execution);
        Appeal appeal = appeals.appeal(documentId);
        List<Options.Option> earlier = appeals.earlierOf(documentId, new Applicant(appeal.getApplicantName(),
                appeal.getPostalAddress(), null, null)).stream().map(this::option).toList();
        execution.setVariable(EARLIER_APPEALS, Options.of(earlier));
        execution.setVariable(LINKED_APPEALS, Options.values(earlier.stream().map(Options.Option::value).toList()));
        execution.setVariable(REPEATED, !earlier.isEmpty());
        execution.setVariable(TOPIC_OPTIONS, Options.of(topics.questions().stream()
                .map(topic -> new Options.Option(topic.value(), topic.label())).toList()));
        execution.setVariable(BODY_OPTIONS, Options.bodies(bodies.all()));
    }

    private Options.Option option(Appeal earlier) {
        Document card = documents.document(earlier.getDocumentId());
        String topic = earlier.getTopicCode() == null ? "" : " — " + topics.name(earlier.getTopicCode());
        return new Options.Option(earlier.getDocumentId().toString(), card.getRegistrationNumber() + " от "
                + Appeals.DATE.format(card.getRegistrationDate()) + topic
                + (earlier.getResult() == null ? " (на рассмотрении)" : " (" + earlier.getResult().label() + ")"));
    }
}
