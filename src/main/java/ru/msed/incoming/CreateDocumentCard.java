package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.document.Document;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentService;
import ru.msed.engine.Actor;
import ru.msed.exchange.ExchangeService;
import ru.msed.organization.OrganizationService;

/**
 * Creates the empty card first, so its id is the business key and files can be attached at once. A
 * document arriving through the exchange (the application started this instance with the package)
 * gets a card of the instance's organization — its tenant — with nobody of it as author yet.
 */
@Component("createDocumentCard")
class CreateDocumentCard implements JavaDelegate {

    private final DocumentService documents;
    private final OrganizationService organizations;

    CreateDocumentCard(DocumentService documents, OrganizationService organizations) {
        this.documents = documents;
        this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean arrived = execution.getVariable(EXCHANGE_PACKAGE_ID) != null;
        Document document;
        if (arrived) {
            long organizationId = organizations.findOrganization(execution.getTenantId())
                    .orElseThrow(() -> new IllegalStateException("No organization for tenant " + execution.getTenantId())).getId();
            document = documents.createDraftIn(organizationId, DocumentKind.INCOMING, ExchangeService.ACTOR);
        } else {
            // The authenticated user, whatever a client sent; a system start (import) names one.
            String initiator = Actor.of(execution, (String) execution.getVariable(INITIATOR));
            execution.setVariable(INITIATOR, initiator);
            document = documents.createDraft(DocumentKind.INCOMING, initiator);
        }
        documents.linkProcess(document.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(document.getId().toString());
        execution.setVariable(DOCUMENT_ID, document.getId());
        execution.setVariable(DOCUMENT_KIND, document.getKind().name());
        execution.setVariable(ARRIVED_BY_EXCHANGE, arrived);
    }
}
