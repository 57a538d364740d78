package ru.msed.appeal;

import static ru.msed.appeal.CitizenAppealVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msed.document.AttachmentService;
import ru.msed.engine.AsSystem;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.web.UserInputException;

/**
 * An appeal arriving from outside the organization's staff — the public form, or another body of the
 * system forwarding it — becomes a card waiting for registration with its files, and the regulation
 * starts at «Обращение подано в интернет-приёмной», in the receiving organization's tenant. One
 * transaction: if anything fails, nothing is created.
 */
@Service
class AppealIntake {

    private final Appeals appeals;
    private final AttachmentService attachments;
    private final OrganizationService organizations;
    private final RuntimeService runtime;
    private final IdentityService identity;

    AppealIntake(Appeals appeals, AttachmentService attachments, OrganizationService organizations, RuntimeService runtime,
            IdentityService identity) {
        this.appeals = appeals;
        this.attachments = attachments;
        this.organizations = organizations;
        this.runtime = runtime;
        this.identity = identity;
    }

    record IncomingFile(String name, String contentType, byte[] content) {
    }

    @Transactional
    long receive(String organizationCode, AppealChannel channel, Applicant applicant, String text, List<IncomingFile> files,
            String source) {
        Organization organization = organizations.findOrganization(organizationCode)
                .orElseThrow(() -> new UserInputException("Выберите орган власти, которому адресовано обращение."));
        Appeal appeal = appeals.receive(organization.getId(), channel, applicant, text, source);
        long documentId = appeal.getDocumentId();
        for (IncomingFile file : files) {
            attachments.add(documentId, file.name(), file.contentType(), file.content(), source);
        }
        // As the application: the instance takes the receiving organization's tenant, whoever triggered it.
        AsSystem.run(identity, () -> runtime.startProcessInstanceByMessage(ONLINE_MESSAGE, Long.toString(documentId),
                Map.of(DOCUMENT_ID, documentId, ORGANIZATION_CODE, organization.getCode())));
        return documentId;
    }
}
