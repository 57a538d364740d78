package ru.msed.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msed.audit.AuditTrail;
import ru.msed.organization.Employee;
import ru.msed.organization.OrganizationService;

/**
 * Failed and refused logins: a log line ({@code ru.msed.security.login}) with the login name and the
 * client's address, never the password, and a row of the audit trail in the login's organization
 * (none for an unknown login), written in a transaction of its own since a refused login changes nothing else.
 */
@Component
class LoginEvents {

    static final String FAILED = "LOGIN_FAILED";
    static final String PAUSED = "LOGIN_PAUSED";
    private static final Logger log = LoggerFactory.getLogger("ru.msed.security.login");
    private static final int MAX_ID = 64;

    private final AuditTrail audit;
    private final OrganizationService organizations;
    private final TransactionTemplate ownTransaction;

    LoginEvents(AuditTrail audit, OrganizationService organizations, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.organizations = organizations;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void failed(String login, String address, String channel, int failures, Duration pause, int refusedMeanwhile) {
        log.warn("Failed login for user '{}' from {} ({}; failure {} from this address{})", clean(login), address, channel,
                failures, pause.isZero() ? "" : "; paused for " + Problems.retryAfterSeconds(pause) + " s");
        StringBuilder details = new StringBuilder(channel).append("; неудачная попытка ").append(failures)
                .append(" с этого адреса");
        if (!pause.isZero()) {
            details.append("; вход приостановлен на ").append(Problems.retryAfterSeconds(pause)).append(" с");
        }
        if (refusedMeanwhile > 0) {
            details.append("; ещё отклонено без проверки пароля во время паузы: ").append(refusedMeanwhile);
        }
        record(login, FAILED, details.toString());
    }

    void refused(String login, String address, String channel, Duration left) {
        log.warn("Login for user '{}' from {} refused without a password check ({}): paused for another {} s",
                clean(login), address, channel, Problems.retryAfterSeconds(left));
        record(login, PAUSED, channel + "; попытка во время паузы, пароль не проверялся; до конца паузы "
                + Problems.retryAfterSeconds(left) + " с");
    }

    private void record(String login, String action, String details) {
        String id = truncate(clean(login).isEmpty() ? "—" : clean(login));
        ownTransaction.executeWithoutResult(status -> audit.record(
                organizations.findEmployee(login).map(Employee::getOrganizationId).orElse(null),
                "anonymous", action, "USER", id, details));
    }

    /** Login names come from anyone: no line breaks in the log, bounded in the table. */
    private static String clean(String login) {
        return login == null ? "" : login.replaceAll("\\p{Cntrl}", "?");
    }

    private static String truncate(String value) {
        return value.length() <= MAX_ID ? value : value.substring(0, MAX_ID);
    }
}
