package ru.msed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.msed.document.AttachmentService;
import ru.msed.exchange.NoticeDelivery;
import ru.msed.signature.SignatureService;

/**
 * Drives the exchange as its users and the application would: an outgoing document drafted for
 * organizations of the system, approved and signed (then registered and dispatched by the diagram),
 * the delivery jobs the job executor would run, and the notification delivery the scheduler would.
 */
@Component
public class ExchangeDriver {

    /** Who drafts, approves and signs outgoing documents in an organization of the tests. */
    public record Staff(String author, String approver, String manager) {
    }

    public static final Staff DEMO = new Staff("executor1", "executor2", "manager");
    public static final Staff ALT = new Staff("alt-executor", "alt-controller", "alt-manager");

    private final ProcessDriver driver;
    private final ProcessEngine engine;
    private final AttachmentService attachments;
    private final SignatureService signatures;
    private final NoticeDelivery notices;
    private final JdbcTemplate jdbc;

    ExchangeDriver(ProcessDriver driver, ProcessEngine engine, AttachmentService attachments, SignatureService signatures,
            NoticeDelivery notices, JdbcTemplate jdbc) {
        this.driver = driver;
        this.engine = engine;
        this.attachments = attachments;
        this.signatures = signatures;
        this.notices = notices;
        this.jdbc = jdbc;
    }

    /** A letter to these organizations, signed simply by the manager: registered, with one delivery job per recipient. */
    public ProcessInstance sent(Staff staff, List<String> recipients, String inReplyTo) {
        return sent(staff, recipients, inReplyTo, ("%PDF письмо " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
    }

    public ProcessInstance sent(Staff staff, List<String> recipients, String inReplyTo, byte[] file) {
        ProcessInstance instance = drafted(staff, recipients, inReplyTo, file);
        long documentId = driver.documentId(instance);
        driver.as(staff.manager(), () -> signatures.signSimple(documentId, staff.manager(), "demo"));
        driver.complete(driver.task(instance, "Task_SignDocument"), staff.manager(), Map.of("signed", true));
        return instance;
    }

    /** Drafted for these recipients and approved: waiting for the signature. */
    public ProcessInstance drafted(Staff staff, List<String> recipients, String inReplyTo, byte[] file) {
        ProcessInstance instance = driver.as(staff.author(),
                () -> engine.getRuntimeService().startProcessInstanceByKey("outgoing-document"));
        long documentId = driver.documentId(instance);
        driver.as(staff.author(), () -> attachments.add(documentId, "pismo.pdf", "application/pdf", file, staff.author()));
        var form = new java.util.HashMap<String, Object>(Map.of("summary", "О представлении сведений об исполнении программы",
                "addressees", "Администрация городского округа Демо (почтой)", "signatoryUser", staff.manager(),
                "approvalRoute", staff.approver(),
                // As Tasklist submits a taglist: a JSON list.
                "recipientOrganizations", SpinValues.jsonValue(org.camunda.spin.Spin.JSON(recipients).toString()).create()));
        if (inReplyTo != null) {
            form.put("inReplyTo", inReplyTo);
        }
        driver.complete(driver.task(instance, "Task_PrepareDraft"), staff.author(), form);
        driver.complete(driver.taskOf(instance, "Task_GiveVisa", staff.approver()), staff.approver(), Map.of("visaDecision", "approve"));
        return instance;
    }

    public List<Job> deliveries(ProcessInstance outgoing) {
        return engine.getManagementService().createJobQuery().processInstanceId(outgoing.getId())
                .activityId("Task_DeliverPackage").list();
    }

    /** Runs the delivery jobs as the job executor would (no user). */
    public void deliver(ProcessInstance outgoing) {
        deliveries(outgoing).forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    public long packageId(ProcessInstance outgoing, String recipient) {
        return jdbc.queryForObject("SELECT id FROM exchange_package WHERE sender_document_id = ? AND recipient_code = ?", Long.class,
                driver.documentId(outgoing), recipient);
    }

    /** The recipient's incoming regulation started for the package. */
    public ProcessInstance arrival(long packageId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("incoming-document")
                .variableValueEquals("exchangePackageId", packageId).singleResult();
    }

    public int deliverNotices() {
        return notices.deliverDue();
    }
}
