package ru.msed.outgoing;

import static ru.msed.outgoing.OutgoingDocumentVariables.*;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import ru.msed.document.Document;
import ru.msed.document.DocumentKind;
import ru.msed.document.DocumentService;
import ru.msed.engine.Actor;
import ru.msed.exchange.ExchangeService;
import ru.msed.organization.Organization;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;

/**
 * Creates the outgoing card first (its id is the business key) and lists the managers who may sign
 * and the connected organizations it may be addressed to.
 */
@Component("createOutgoingCard")
class CreateOutgoingCard implements JavaDelegate {

    private final DocumentService documents;
    private final OrganizationService organizations;
    private final ExchangeService exchange;

    CreateOutgoingCard(DocumentService documents, OrganizationService organizations, ExchangeService exchange) {
        this.documents = documents;
        this.organizations = organizations;
        this.exchange = exchange;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The authenticated user, whatever a client sent; a system start names one.
        String initiator = Actor.of(execution, (String) execution.getVariable(INITIATOR));
        execution.setVariable(INITIATOR, initiator);
        Document document = documents.createDraft(DocumentKind.OUTGOING, initiator);
        documents.linkProcess(document.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(document.getId().toString());
        execution.setVariable(DOCUMENT_ID, document.getId());
        execution.setVariable(DRAFT_NUMBER, "Исх. проект № " + document.getId());
        // The author follows the document's route (Tasklist, /engine-rest) in this instance only; the
        // engine drops the grant with the instance.
        Authorization followRoute = execution.getProcessEngineServices().getAuthorizationService()
                .createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        followRoute.setUserId(initiator);
        followRoute.setResource(Resources.PROCESS_INSTANCE);
        followRoute.setResourceId(execution.getProcessInstanceId());
        followRoute.addPermission(Permissions.READ);
        execution.getProcessEngineServices().getAuthorizationService().saveAuthorization(followRoute);
        SpinJsonNode options = Spin.JSON("[]");
        for (Employee manager : organizations.staffWithRole(document.getOrganizationId(), Role.MANAGER)) {
            SpinJsonNode option = Spin.JSON("{}");
            option.prop("label", manager.shortName() + " — " + manager.getPosition());
            option.prop("value", manager.getUserId());
            options.append(option);
        }
        execution.setVariable(OPTIONS_SIGNATORIES, SpinValues.jsonValue(options).create());
        SpinJsonNode directory = Spin.JSON("[]");
        for (Organization organization : exchange.directory(document.getOrganizationId())) {
            SpinJsonNode option = Spin.JSON("{}");
            option.prop("label", organization.getShortName() + " (" + organization.getCode() + ")");
            option.prop("value", organization.getCode());
            directory.append(option);
        }
        execution.setVariable(OPTIONS_ORGANIZATIONS, SpinValues.jsonValue(directory).create());
    }
}
