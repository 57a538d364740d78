package ru.msed.outgoing;

import static ru.msed.outgoing.OutgoingDocumentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.msed.exchange.ExchangeService;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;

/**
 * Delivers the registered document to one recipient organization: its package, and in its tenant a
 * new incoming regulation with the card prefilled. The diagram runs this step asynchronously, one job
 * (one transaction) per recipient, with retries and then an incident in Cockpit; a retried or
 * replayed delivery finds the package there and starts nothing twice.
 */
@Component("deliverToOrganization")
class DeliverToOrganization implements JavaDelegate {

    private final ExchangeService exchange;
    private final OrganizationService organizations;

    DeliverToOrganization(ExchangeService exchange, OrganizationService organizations) {
        this.exchange = exchange;
        this.organizations = organizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String recipient = (String) execution.getVariable(EXCHANGE_RECIPIENT);
        exchange.send(documentId(execution), recipient, execution.getProcessInstanceId());
        execution.setVariable(EXCHANGE_RECIPIENT_NAME,
                organizations.findOrganization(recipient).map(Organization::getShortName).orElse(recipient));
    }
}
