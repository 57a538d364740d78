package ru.msed.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.msed.MsedIntegrationTest;
import ru.msed.migration.LegacyImport;
import ru.msed.organization.Department;
import ru.msed.organization.Organization;
import ru.msed.organization.OrganizationService;
import ru.msed.organization.Role;

/**
 * The staff load scenario at a tiny size, so it never rots: three executors of an organization of
 * their own, with imported open assignments, log in through the MSED login and work for a few
 * seconds; the run fails on any failed request, and the reports they submitted are in the database.
 */
@MsedIntegrationTest
class StaffLoadIT {

    private static final String PASSWORD = "Нагрузка2026";
    private static final int EXECUTORS = 3;

    @LocalServerPort
    int port;
    @Autowired
    OrganizationService organizations;
    @Autowired
    LegacyImport importer;
    @Autowired
    ProcessEngine engine;

    @Test
    void staffLogInOpenTheirAssignmentsAndSubmitReportsWithoutAFailedRequest() throws Exception {
        String code = "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Organization organization = organizations.createOrganization(code, "Нагрузочная организация " + code, "Нагрузка");
        Department department = organizations.createDepartment(organization, "Отдел исполнения", "dept-work");
        List<String> users = new ArrayList<>();
        StringBuilder usersCsv = new StringBuilder("staffId,password\n");
        for (int i = 1; i <= EXECUTORS; i++) {
            String userId = code.toLowerCase() + "-e" + i;
            var employee = organizations.createEmployee(department, new OrganizationService.NewEmployee(userId,
                    "Исполнитель" + i, "Иван", null, "Специалист", null), PASSWORD, List.of(Role.EXECUTOR));
            users.add(userId);
            usersCsv.append(employee.getPublicId()).append(',').append(PASSWORD).append('\n');
        }
        Path directory = Files.createDirectories(Path.of("target", "load-it"));
        Path usersFile = Files.writeString(directory.resolve(code + "-users.csv"), usersCsv, StandardCharsets.UTF_8);
        StringBuilder cards = new StringBuilder(String.join(";", LegacyImport.COLUMNS)).append('\n');
        for (int i = 0; i < 4 * EXECUTORS; i++) {
            cards.append(code).append(";INCOMING;").append(code).append("-").append(i)
                    .append(";2026-03-02;Администрация;О подготовке к отопительному сезону;Подготовить ответ;")
                    .append(users.get(i % EXECUTORS)).append(";2026-12-15;;;;\n");
        }
        Path export = Files.writeString(directory.resolve(code + "-cards.csv"), cards, StandardCharsets.UTF_8);
        LegacyImport.Result imported = importer.run(export, directory.resolve(code + "-rejects.csv"), StandardCharsets.UTF_8,
                100, progress -> { });
        assertThat(imported.runningInstances()).isEqualTo(4 * EXECUTORS);

        int status = StaffLoad.run(Map.of("load.url", "http://localhost:" + port, "load.users", EXECUTORS, "load.ramp", 1,
                "load.duration", 6, "load.think-min", 0.2, "load.think-max", 0.6, "load.users-file", usersFile.toAbsolutePath(),
                "load.max-error-percent", 0), directory.resolve("results"), false);

        assertThat(status).as("Gatling's exit status: 0 when no request failed").isZero();
        long reported = engine.getHistoryService().createHistoricTaskInstanceQuery().taskAssigneeLike(code.toLowerCase() + "-e%")
                .taskDefinitionKey("Task_ExecuteAssignment").finished().count();
        assertThat(reported).as("assignments the simulated staff reported on").isPositive();
    }
}
