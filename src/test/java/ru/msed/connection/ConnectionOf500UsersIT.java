package ru.msed.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import ru.msed.MsedIntegrationTest;
import ru.msed.notification.Notification;
import ru.msed.ProcessDriver;
import ru.msed.organization.Employee;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;

/** A first connection of 500 users on PostgreSQL: all exist with their roles and tenant and can log in. */
@MsedIntegrationTest
class ConnectionOf500UsersIT {

    static final String[] SYLLABLES = {"Ба", "Ве", "Ги", "До", "Жу", "За", "Ки", "Ло", "Му", "Но", "Пе", "Ро", "Си", "Ту", "Фе",
        "Ха", "Це", "Чу", "Ша", "Бо", "Ва", "Гу", "Да", "Ле", "Ми"};
    static final List<String> ROLES = List.of("Делопроизводитель", "Помощник руководителя", "Руководитель", "Исполнитель",
            "Контролёр", "Администратор организации");
    static final Map<String, String> GROUPS = Map.of("Делопроизводитель", "registrar", "Помощник руководителя", "assistant",
            "Руководитель", "manager", "Исполнитель", "executor", "Контролёр", "controller", "Администратор организации",
            "org-admin");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ConnectionRequests requests;
    @Autowired
    OrganizationService organizations;

    @Test
    void fiveHundredUsersAreConnectedWithRolesAndTenantAndCanLogIn() throws Exception {
        RequestWorkbookBuilder builder = RequestWorkbookBuilder.newOrganization("7799000500");
        Map<String, String> roleOf = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            String lastName = SYLLABLES[i / 25] + SYLLABLES[i % 25].toLowerCase() + "ов";
            String role = ROLES.get(i % ROLES.size());
            roleOf.put(lastName, role);
            builder.person(lastName, "Иван", "Петрович", "Специалист", "Отдел " + (i % 10 + 1), "+7 495 000-00-00",
                    "user" + i + "@big.demo.ru", role, null, "Подключить");
        }
        byte[] workbook = builder.build();
        long started = System.nanoTime();
        ConnectionRequest request = driver.as("support", () -> requests.submit("support", "big.xlsx", workbook, "letter.pdf",
                "application/pdf", "письмо".getBytes(StandardCharsets.UTF_8), null));
        long checked = System.nanoTime();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ConnectionRequestVariables.PROCESS_ID).processInstanceBusinessKey(request.getId().toString())
                .singleResult();
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewRequest");

        driver.complete(review, "support", Map.of("reviewDecision", "approve"));
        long provisioned = System.nanoTime();
        System.out.printf("CONNECTION-500: workbook %d KB, submit+check %d ms, approve+provision %d ms%n",
                workbook.length / 1024, (checked - started) / 1_000_000, (provisioned - checked) / 1_000_000);

        Organization organization = organizations.findOrganizationByInn("7799000500").orElseThrow();
        List<Employee> staff = organizations.staff(organization.getId());
        assertThat(staff).hasSize(500);
        assertThat(engine.getIdentityService().createUserQuery().memberOfTenant("7799000500").count()).isEqualTo(500);
        for (Employee employee : staff) {
            String group = GROUPS.get(roleOf.get(employee.getLastName()));
            assertThat(engine.getIdentityService().createUserQuery().userId(employee.getUserId()).memberOfGroup(group).count())
                    .as(employee.getUserId()).isEqualTo(1);
        }

        Map<String, String> passwords = credentials(request.getId());
        assertThat(passwords).hasSize(500);
        long loginStart = System.nanoTime();
        passwords.forEach((login, password) ->
                assertThat(engine.getIdentityService().checkPassword(login, password)).as(login).isTrue());
        System.out.printf("CONNECTION-500: 500 password checks %d ms%n", (System.nanoTime() - loginStart) / 1_000_000);
        // And one of them over HTTP, where an issued password first asks for a change.
        var first = passwords.entrySet().iterator().next();
        int status = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(first.getKey(), first.getValue()))
                .defaultStatusHandler(HttpStatusCode::isError, (rq, rs) -> { }).build()
                .get().uri("/api/account").retrieve().toEntity(String.class).getStatusCode().value();
        assertThat(status).isEqualTo(200);
    }

    private Map<String, String> credentials(long requestId) throws Exception {
        var sent = requests.notificationsTo("sergeeva@zags.demo.ru");
        String body = sent.stream().filter(n -> n.getSubject().contains("№ " + requestId + " выполнено")).findFirst()
                .orElseThrow().getBody();
        Matcher link = Pattern.compile("/onboarding-api/credentials/([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        Map<String, String> passwords = new HashMap<>();
        try (XSSFWorkbook sheet = new XSSFWorkbook(new ByteArrayInputStream(requests.downloadCredentials(link.group(1))))) {
            var rows = sheet.getSheetAt(0);
            for (int r = 3; r <= rows.getLastRowNum(); r++) {
                passwords.put(rows.getRow(r).getCell(0).getStringCellValue(), rows.getRow(r).getCell(3).getStringCellValue());
            }
        }
        return passwords;
    }
}
