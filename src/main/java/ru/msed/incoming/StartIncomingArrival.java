package ru.msed.incoming;

import static ru.msed.incoming.IncomingDocumentVariables.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import ru.msed.engine.AsSystem;
import ru.msed.exchange.ArrivalStarter;

/**
 * Starts this regulation for a package arriving through the exchange: as the application (whoever
 * triggered the delivery), in the recipient organization's tenant, with the package as an
 * engine-owned variable — in the caller's transaction, so a failed arrival leaves no package behind.
 */
@Component
class StartIncomingArrival implements ArrivalStarter {

    private final RuntimeService runtime;
    private final IdentityService identity;

    StartIncomingArrival(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public void start(long packageId, String recipientOrganizationCode) {
        AsSystem.run(identity, () -> runtime.createProcessInstanceByKey(PROCESS_ID)
                .setVariable(ORGANIZATION_CODE, recipientOrganizationCode)
                .setVariable(EXCHANGE_PACKAGE_ID, packageId)
                .execute());
    }
}
