package ru.msed.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.document.AttachmentService;
import ru.msed.document.AttachmentService.StoredFile;
import ru.msed.document.Document;
import ru.msed.document.DocumentAction;
import ru.msed.document.DocumentService;
import ru.msed.document.DocumentStatus;
import ru.msed.organization.OrganizationService;
import ru.msed.web.UserInputException;

/** Approval routes of outgoing drafts (согласование): stages in sequence, approvers of a stage in parallel. */
@Service
public class ApprovalService {

    private final VisaRepository visas;
    private final DocumentService documents;
    private final AttachmentService attachments;
    private final OrganizationService organizations;
    private final Clock clock;

    ApprovalService(VisaRepository visas, DocumentService documents, AttachmentService attachments,
            OrganizationService organizations, Clock clock) {
        this.visas = visas;
        this.documents = documents;
        this.attachments = attachments;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** «executor1, executor2; manager» → [[executor1, executor2], [manager]], every approver a colleague. */
    @Transactional(readOnly = true)
    public List<List<String>> route(long documentId, String text) {
        if (text == null || text.isBlank()) {
            throw new UserInputException("Укажите маршрут согласования: логины через запятую, этапы через точку с запятой.");
        }
        Document document = documents.document(documentId);
        List<List<String>> stages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> everyone = new LinkedHashSet<>();
        for (String stageText : text.split(";")) {
            List<String> stage = new ArrayList<>();
            for (String login : stageText.split(",")) {
                String approver = login.strip();
                if (approver.isEmpty()) {
                    continue;
                }
                boolean colleague = organizations.findEmployee(approver)
                        .filter(e -> e.isEnabled() && e.getOrganizationId().equals(document.getOrganizationId())).isPresent();
                if (!colleague) {
                    problems.add("Согласующий «" + approver + "» не найден среди сотрудников организации.");
                } else if (!everyone.add(approver)) {
                    problems.add("Согласующий «" + approver + "» указан в маршруте дважды.");
                } else {
                    stage.add(approver);
                }
            }
            if (!stage.isEmpty()) {
                stages.add(stage);
            }
        }
        if (stages.isEmpty() && problems.isEmpty()) {
            problems.add("В маршруте согласования нет ни одного согласующего.");
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
        return stages;
    }

    /** The draft must have its file before it goes on approval. */
    @Transactional
    public void sendForApproval(long documentId, int round, List<List<String>> stages, String actor) {
        StoredFile file = attachments.latest(documentId)
                .orElseThrow(() -> new UserInputException("Загрузите файл проекта документа на странице файлов."));
        documents.moveTo(documentId, DocumentStatus.ON_APPROVAL, actor, DocumentAction.SENT_FOR_APPROVAL,
                "Круг " + round + ", маршрут: " + describe(stages) + ", файл «" + file.info().fileName() + "» SHA-256 " + file.info().sha256());
    }

    /** «Волков Д. А., Соколова Е. В.; затем Морозова О. С.»: stages in order, approvers of a stage together. */
    private String describe(List<List<String>> stages) {
        Map<String, String> names = organizations.displayNames(stages.stream().flatMap(List::stream).toList());
        return String.join("; затем ", stages.stream()
                .map(stage -> String.join(", ", stage.stream().map(names::get).toList())).toList());
    }

    /** Records a visa on the file version the approver saw; returns whether it rejects the draft. */
    @Transactional
    public boolean visa(long documentId, int round, String approver, VisaDecision decision, String comment) {
        String clean = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision == null) {
            throw new UserInputException("Выберите решение: согласовать, согласовать с замечаниями или отклонить.");
        }
        if (decision != VisaDecision.APPROVE && clean == null) {
            throw new UserInputException(decision == VisaDecision.REJECT ? "Укажите причину отклонения."
                    : "Напишите замечания.");
        }
        StoredFile file = attachments.latest(documentId).orElseThrow();
        visas.save(new Visa(documentId, round, approver, decision.name(), clean, file.info().id(), file.info().sha256(),
                Instant.now(clock)));
        boolean rejects = decision == VisaDecision.REJECT;
        documents.moveTo(documentId, DocumentStatus.ON_APPROVAL, approver,
                rejects ? DocumentAction.VISA_REJECTED : DocumentAction.VISA_GIVEN,
                (decision == VisaDecision.APPROVE_WITH_REMARKS ? "С замечаниями: " + clean : rejects ? clean : "Без замечаний")
                        + " (файл SHA-256 " + file.info().sha256() + ")");
        return rejects;
    }

    @Transactional(readOnly = true)
    public List<Visa> visas(long documentId) {
        return visas.findByDocumentIdOrderById(documentId);
    }
}
