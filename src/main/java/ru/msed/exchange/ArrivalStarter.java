package ru.msed.exchange;

/**
 * Starts the recipient's incoming regulation for a package (implemented by the incoming-document
 * regulation, which owns the engine call): in the recipient organization's tenant, as the application,
 * in the caller's transaction.
 */
public interface ArrivalStarter {

    void start(long packageId, String recipientOrganizationCode);
}
