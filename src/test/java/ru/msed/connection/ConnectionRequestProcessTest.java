package ru.msed.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msed.MsedIntegrationTest;
import ru.msed.notification.Notification;
import ru.msed.ProcessDriver;
import ru.msed.calendar.WorkingDays;
import ru.msed.organization.Employee;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.web.NotFoundException;
import ru.msed.web.UserInputException;

/** Every path of processes/connection-request.bpmn on the real services and PostgreSQL. */
@MsedIntegrationTest
class ConnectionRequestProcessTest {

    static final byte[] LETTER = "%PDF письмо руководителя".getBytes(StandardCharsets.UTF_8);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ConnectionRequests requests;
    @Autowired
    OrganizationService organizations;
    @Autowired
    WorkingDays workingDays;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    record Account(String login, String name, String password) {
    }

    @Test
    void validRequestIsReviewedWithinTwoWorkingDaysAndProvisionedWithOneTimeCredentials() throws Exception {
        ProcessInstance instance = submit("support", RequestWorkbookBuilder.newOrganization("7701000001")
                .connect("Андреев", "Андрей", "Отдел регистрации", "Руководитель")
                .connect("Борисова", "Бэлла", "Архив", "Исполнитель").build());

        BpmnAwareTests.assertThat(instance).hasPassed("Task_CheckRequest").isWaitingAt("Task_ReviewRequest");
        Task review = task(instance);
        BpmnAwareTests.assertThat(review).hasCandidateGroup("camunda-admin");
        assertThat(review.getDueDate()).isEqualTo(workingDays.add(review.getCreateTime(), 2));
        assertThat(slaTimer(instance).getDuedate()).isEqualTo(review.getDueDate());

        driver.complete(review, "support", Map.of("reviewDecision", "approve"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_Provision", "EndEvent_Connected");
        Organization organization = organizations.findOrganizationByInn("7701000001").orElseThrow();
        assertThat(organization.getCode()).isEqualTo("7701000001");
        assertThat(engine.getIdentityService().createTenantQuery().tenantId("7701000001").count()).isEqualTo(1);
        List<Employee> staff = organizations.staff(organization.getId());
        assertThat(staff).extracting(Employee::getLastName).containsExactly("Андреев", "Борисова");
        assertThat(staff).allMatch(Employee::isMustChangePassword);
        assertThat(organizations.departments(organization.getId())).hasSize(2);

        List<Account> accounts = credentials("sergeeva@zags.demo.ru");
        assertThat(accounts).extracting(Account::name).containsExactly("Андреев Андрей Иванович", "Борисова Бэлла Иванович");
        assertThat(accounts.get(0).login()).isEqualTo("andreev.ai.7701000001");
        for (Account account : accounts) {
            assertThat(engine.getIdentityService().checkPassword(account.login(), account.password())).isTrue();
        }
        assertThat(engine.getIdentityService().createUserQuery().userId("andreev.ai.7701000001").memberOfGroup("manager")
                .count()).isEqualTo(1);
        assertThat(engine.getIdentityService().createTenantQuery().userMember("borisova.bi.7701000001").singleResult().getId())
                .isEqualTo("7701000001");
    }

    @Test
    void invalidRequestGoesBackToTheApplicantAndReturnsFixedWithThePausedTimeRecorded() {
        RequestWorkbookBuilder workbook = RequestWorkbookBuilder.newOrganization("7701000002")
                .person("Васильев", "Василий", null, "Специалист", "Отдел", null, "vasiliev(at)mail", "Исполнитель", null,
                        "Подключить");
        ProcessInstance instance = submit("support", workbook.build());

        BpmnAwareTests.assertThat(instance).hasPassed("Task_ReturnToApplicant").isWaitingAt("Task_FixRequest");
        BpmnAwareTests.assertThat(task(instance)).isAssignedTo("support");
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "problemsText"))
                .contains("Строка 14: неверный e-mail «vasiliev(at)mail».");
        long id = requestId(instance);
        assertThat(requests.visibleTo(id, "support").getStatus()).isEqualTo(ConnectionRequestStatus.RETURNED);
        assertThat(requests.notificationsTo("sergeeva@zags.demo.ru")).extracting(Notification::getSubject)
                .contains("Заявка на подключение к МСЭД № " + id + " возвращена на исправление");

        assertThatThrownBy(() -> driver.complete(task(instance), "support", Map.of("correctionUploaded", true)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("загрузите исправленную книгу");

        byte[] fixed = RequestWorkbookBuilder.newOrganization("7701000002")
                .person("Васильев", "Василий", null, "Специалист", "Отдел", null, "vasiliev@mail.ru", "Исполнитель", null,
                        "Подключить").build();
        driver.as("support", () -> {
            requests.resubmit(id, "support", "fixed.xlsx", fixed);
            return null;
        });
        driver.complete(task(instance), "support", Map.of("correctionUploaded", true));

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewRequest");
        ConnectionRequest request = requests.visibleTo(id, "support");
        assertThat(request.getStatus()).isEqualTo(ConnectionRequestStatus.UNDER_REVIEW);
        assertThat(request.getCorrectedAt()).isAfterOrEqualTo(request.getReturnedAt());
        assertThat(request.getPausedSeconds()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void rejectedRequestNeedsAReasonAndCreatesNothing() {
        ProcessInstance instance = submit("support", RequestWorkbookBuilder.newOrganization("7701000003")
                .connect("Григорьев", "Глеб", "Отдел", "Исполнитель").build());

        assertThatThrownBy(() -> driver.complete(task(instance), "support", Map.of("reviewDecision", "reject")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Укажите причину отказа");
        driver.complete(task(instance), "support",
                Map.of("reviewDecision", "reject", "reviewReason", "Письмо подписано не руководителем"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_NotifyRejection", "EndEvent_Rejected");
        assertThat(organizations.findOrganizationByInn("7701000003")).isEmpty();
        assertThat(requests.notificationsTo("sergeeva@zags.demo.ru")).extracting(Notification::getBody)
                .contains("Причина: Письмо подписано не руководителем");
    }

    @Test
    void reviewLongerThanTwoWorkingDaysEscalatesToTheSupportLead() {
        ProcessInstance instance = submit("support", RequestWorkbookBuilder.newOrganization("7701000004")
                .connect("Дмитриев", "Денис", "Отдел", "Исполнитель").build());

        engine.getManagementService().executeJob(slaTimer(instance).getId());

        BpmnAwareTests.assertThat(instance).hasPassed("Task_MarkReviewOverdue")
                .isWaitingAt("Task_ReviewRequest", "Task_EscalateReview");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "overdue")).isEqualTo(true);
        Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_EscalateReview").singleResult();
        BpmnAwareTests.assertThat(escalation).hasCandidateGroup("support-lead");
        driver.complete(escalation, "support-lead", Map.of("escalationAction", "assigned"));
        BpmnAwareTests.assertThat(instance).hasPassed("EndEvent_OverdueHandled").isWaitingAt("Task_ReviewRequest");
    }

    @Test
    void organizationAdministratorChangesUsersAndADisconnectedUsersTasksGoBackToTheDepartment() throws Exception {
        ProcessInstance first = submit("support", RequestWorkbookBuilder.newOrganization("7701000005")
                .connect("Егоров", "Евгений", "Отдел кадров", "Администратор организации")
                .connect("Жуков", "Жан", "Архив", "Исполнитель")
                .connect("Зуев", "Захар", "Архив", "Исполнитель").build());
        driver.complete(task(first), "support", Map.of("reviewDecision", "approve"));
        String admin = "egorov.ei.7701000005";
        String leaver = "zhukov.zhi.7701000005";
        ProcessInstance draft = driver.as(leaver, () -> engine.getRuntimeService().startProcessInstanceByKey("outgoing-document"));
        Task open = driver.task(draft, "Task_PrepareDraft");
        assertThat(open.getAssignee()).isEqualTo(leaver);

        byte[] changes = RequestWorkbookBuilder.changes("7701000005")
                .connect("Иванова", "Инна", "Архив", "Контролёр")
                .person("Зуев", "Захар", "Иванович", "Специалист", "Архив", null, "zuev@zags.demo.ru", "Исполнитель",
                        "Контролёр", "Изменить права")
                .person("Жуков", "Жан", "Иванович", null, null, null, null, null, null, "Отключить").build();
        ProcessInstance change = submit(admin, changes);
        assertThat(change.getTenantId()).isEqualTo("7701000005");
        BpmnAwareTests.assertThat(change).isWaitingAt("Task_ReviewRequest");
        driver.complete(task(change), "support", Map.of("reviewDecision", "approve"));

        BpmnAwareTests.assertThat(change).isEnded().hasPassed("EndEvent_Connected");
        assertThat(engine.getIdentityService().createUserQuery().userId("ivanova.ii.7701000005").count()).isEqualTo(1);
        assertThat(engine.getIdentityService().createUserQuery().userId("zuev.zi.7701000005").memberOfGroup("controller")
                .count()).isEqualTo(1);
        assertThat(organizations.employee(leaver).isEnabled()).isFalse();
        Task handedBack = engine.getTaskService().createTaskQuery().taskId(open.getId()).singleResult();
        assertThat(handedBack.getAssignee()).isNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(open.getId())).extracting(IdentityLink::getGroupId)
                .contains(ConnectionUserIds.departmentGroup("Архив"));
    }

    @Test
    void resubmittingTheSameApprovedWorkbookCreatesNobodyTwice() {
        byte[] workbook = RequestWorkbookBuilder.newOrganization("7701000006").connect("Кириллов", "Кирилл", "Отдел", "Исполнитель")
                .build();
        ProcessInstance first = submit("support", workbook);
        driver.complete(task(first), "support", Map.of("reviewDecision", "approve"));
        Organization organization = organizations.findOrganizationByInn("7701000006").orElseThrow();

        ProcessInstance again = submit("support", workbook);

        BpmnAwareTests.assertThat(again).isWaitingAt("Task_FixRequest");
        assertThat((String) engine.getRuntimeService().getVariable(again.getId(), "problemsText"))
                .contains("Организация с ИНН 7701000006 уже подключена (код «7701000006»)");
        assertThat(organizations.staff(organization.getId())).hasSize(1);
    }

    /** Submits as the applicant (with their rights), then finds the instance as the test. */
    private ProcessInstance submit(String applicant, byte[] workbook) {
        ConnectionRequest request = driver.as(applicant, () -> requests.submit(applicant, "zayavka.xlsx", workbook,
                "pismo.pdf", "application/pdf", LETTER, null));
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ConnectionRequestVariables.PROCESS_ID)
                .processInstanceBusinessKey(request.getId().toString())
                .singleResult();
    }

    private long requestId(ProcessInstance instance) {
        return (Long) engine.getRuntimeService().getVariable(instance.getId(), "requestId");
    }

    private Job slaTimer(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_ReviewSlaPassed").singleResult();
    }

    /** Follows the one-time link of the last notification to the responsible person; a second use fails. */
    List<Account> credentials(String recipient) throws Exception {
        List<Notification> sent = requests.notificationsTo(recipient);
        String body = sent.get(sent.size() - 1).getBody();
        assertThat(body).doesNotContainPattern("Временный пароль");
        Matcher link = Pattern.compile("/onboarding-api/credentials/([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        byte[] sheet = requests.downloadCredentials(link.group(1));
        assertThatThrownBy(() -> requests.downloadCredentials(link.group(1))).isInstanceOf(NotFoundException.class);
        List<Account> accounts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            var rows = workbook.getSheetAt(0);
            for (int r = 3; r <= rows.getLastRowNum(); r++) {
                accounts.add(new Account(rows.getRow(r).getCell(0).getStringCellValue(),
                        rows.getRow(r).getCell(1).getStringCellValue(), rows.getRow(r).getCell(3).getStringCellValue()));
            }
        }
        return accounts;
    }
}
