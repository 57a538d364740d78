package ru.msed.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import ru.msed.Http;
import ru.msed.MsedIntegrationTest;
import ru.msed.ProcessDriver;
import ru.msed.calendar.RussianDates;

/**
 * The shared Tasklist folders as each demo role meets them through the engine REST API, with the
 * calls Tasklist makes: which folders a role sees and which it opens first, the columns of every
 * task it has, and the counts.
 */
@MsedIntegrationTest
class TasklistFoldersIT {

    static final String INCOMING = "Входящие документы";
    static final String REVIEW = "На рассмотрение";
    static final String EXECUTION = "На исполнение";
    static final String CONTROL = "На контроле";
    static final String CONNECTION = "Заявки на подключение";
    static final String VISA = "На согласование";
    static final String SIGNATURE = "На подпись";
    static final String OVERDUE = "Просроченные";

    @LocalServerPort
    int port;
    @Autowired
    FilterService filters;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Clock clock;

    @Test
    void foldersShowEachRoleItsWork() {
        List<Filter> all = filters.createFilterQuery().list();
        assertThat(all).extracting(Filter::getName).contains(INCOMING, REVIEW, EXECUTION, CONTROL, CONNECTION, VISA,
                SIGNATURE, OVERDUE);
        assertThat(all).hasSizeLessThanOrEqualTo(TasklistFolders.MAX_FOLDERS);

        // The resolution's tasks are in the consideration the document's regulation calls.
        ProcessInstance instance = driver.consideration(driver.onExecution("executor3", List.of(), true));
        assertThat(listAs("executor3", EXECUTION)).extracting(Task::getProcessInstanceId).contains(instance.getId());
        assertThat(listAs("executor1", EXECUTION)).extracting(Task::getProcessInstanceId).doesNotContain(instance.getId());

        ProcessInstance registering = driver.startRegistration();
        assertThat(listAs("registrar", INCOMING)).extracting(Task::getProcessInstanceId).contains(registering.getId());
        ProcessInstance drafting = driver.consideration(driver.registered());
        assertThat(listAs("assistant", REVIEW)).extracting(Task::getProcessInstanceId).contains(drafting.getId());
        assertThat(listAs("executor3", REVIEW)).extracting(Task::getProcessInstanceId).doesNotContain(drafting.getId());
    }

    @Test
    void eachRoleSeesOnlyTheFoldersThatCanHoldItsTasksAndOpensItsOwnWorkFirst() {
        Map<String, List<String>> expected = new HashMap<>();
        expected.put("registrar", List.of(INCOMING, REVIEW, VISA, OVERDUE));
        expected.put("assistant", List.of(REVIEW, VISA, OVERDUE));
        expected.put("manager", List.of(REVIEW, VISA, SIGNATURE, OVERDUE));
        expected.put("executor1", List.of(EXECUTION, REVIEW, VISA, OVERDUE));
        expected.put("controller", List.of(CONTROL, REVIEW, VISA, OVERDUE));
        expected.put("admin", List.of(CONNECTION, REVIEW, VISA, OVERDUE));
        expected.forEach((user, folders) -> {
            JsonNode visible = get(user, "/engine-rest/filter?resourceType=Task&itemCount=true&sortBy=name&sortOrder=asc");
            List<JsonNode> list = StreamSupport.stream(visible.spliterator(), false).toList();
            assertThat(list).as(user).extracting(f -> f.get("name").asText()).containsExactlyInAnyOrderElementsOf(folders);
            // Tasklist opens the folder with the lowest priority: the role's own work.
            JsonNode first = list.stream().min((a, b) -> a.at("/properties/priority").asInt() - b.at("/properties/priority").asInt())
                    .orElseThrow();
            assertThat(first.get("name").asText()).as(user + " lands on").isEqualTo(folders.get(0));
            // Every folder comes with its count (Tasklist's plugin shows them all).
            list.forEach(folder -> assertThat(folder.get("itemCount").isNumber()).as(user + " " + folder.get("name")).isTrue());
        });
        // Technical support passes every authorization check and sees all folders: the Tasklist plugin opens the
        // folder whose "home" names one of the user's groups.
        JsonNode all = get("support-lead", "/engine-rest/filter?resourceType=Task");
        assertThat(all).hasSize(TasklistFolders.MAX_FOLDERS);
        assertThat(StreamSupport.stream(all.spliterator(), false)
                .filter(f -> f.at("/properties/home").toString().contains("camunda-admin")))
                .extracting(f -> f.get("name").asText()).containsExactly(CONNECTION);
    }

    @Test
    void everybodyWhoHasTheTaskSeesTheColumnsFilledAndTheCountsMatch() {
        ProcessInstance instance = driver.startRegistration();
        driver.complete(driver.task(instance, "Task_FillRegistrationCard"), "registrar", ProcessDriver.validCard());
        String number = (String) engine.getRuntimeService().getVariable(instance.getId(), "registrationNumber");
        Map<String, Object> card = ProcessDriver.validCard();

        // The registrar stamps the number; the assistant drafts the resolution.
        Row stamp = row("registrar", INCOMING, instance.getId(), "Проставить регистрационный номер");
        assertThat(stamp.number()).isEqualTo(number);
        assertThat(stamp.summary()).isEqualTo(card.get("summary"));
        assertThat(stamp.correspondent()).isEqualTo(card.get("correspondent"));
        assertThat(stamp.deadline()).isEqualTo(dueOf(instance, "Task_StampNumber"));
        // The resolution is drafted in the consideration the registration called; the columns come along.
        String consideration = driver.consideration(instance).getId();
        Row draft = row("assistant", REVIEW, consideration, "Подготовить проект резолюции");
        assertThat(draft.number()).isEqualTo(number);
        assertThat(draft.deadline()).matches("\\d{2}\\.\\d{2}\\.\\d{4}").isEqualTo(dueOf(instance, "Task_DraftResolution"));

        driver.complete(driver.task(instance, "Task_DraftResolution"), "assistant",
                ProcessDriver.resolution("executor3", List.of("executor2"), true));
        assertThat(row("manager", REVIEW, consideration, "Рассмотреть проект резолюции").number()).isEqualTo(number);
        driver.complete(driver.task(instance, "Task_ReviewResolution"), "manager", Map.of("managerDecision", "approve"));

        // Each executor's assignment shows the resolution's deadline as a Russian date.
        LocalDate deadline = LocalDate.parse((String) engine.getRuntimeService().getVariable(consideration, "deadline"));
        for (String executor : List.of("executor3", "executor2")) {
            Row assignment = row(executor, EXECUTION, consideration, "Исполнить поручение");
            assertThat(assignment.number()).isEqualTo(number);
            assertThat(assignment.summary()).isEqualTo(card.get("summary"));
            assertThat(assignment.deadline()).isEqualTo(RussianDates.format(deadline));
            assertThat(assignment.correspondent()).isEqualTo(card.get("correspondent"));
        }
        driver.complete(driver.taskOf(instance, "Task_ExecuteAssignment", "executor3"), "executor3",
                Map.of("reportText", "Исполнено"));
        assertThat(row("controller", CONTROL, consideration, "Проверить отчёт").number()).isEqualTo(number);

        // The counts are what the folder lists.
        for (String[] userAndFolder : new String[][] {{"registrar", INCOMING}, {"controller", CONTROL}, {"executor2", EXECUTION},
                {"manager", REVIEW}}) {
            String id = folder(userAndFolder[1]).getId();
            JsonNode list = list(userAndFolder[0], id, 1000);
            long count = get(userAndFolder[0], "/engine-rest/filter/" + id + "/count").get("count").asLong();
            assertThat(list.get("count").asLong()).as(userAndFolder[1]).isEqualTo(count);
            assertThat(list.at("/_embedded/task").size()).as(userAndFolder[1]).isEqualTo((int) count);
        }
    }

    @Test
    void theColumnsOpenNoInstanceVariablesToAnybody() {
        ProcessInstance instance = driver.consideration(driver.onExecution("executor3", List.of(), true));
        // The executor reads the columns of their own task, but not the instance's variables ...
        assertThat(Http.as(port, "executor3").get().uri("/engine-rest/process-instance/" + instance.getId() + "/variables")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        // ... and someone else's task shows them nothing at all.
        JsonNode foreign = get("executor1", "/engine-rest/variable-instance?processInstanceIdIn=" + instance.getId());
        assertThat(foreign).isEmpty();
        JsonNode own = get("executor3", "/engine-rest/variable-instance?processInstanceIdIn=" + instance.getId());
        assertThat(own.findValuesAsText("name")).isNotEmpty()
                .allMatch(name -> name.startsWith("folder"), "only the folder columns");
    }

    @Test
    void demoFoldersHoldRealWorkRightAfterStart() {
        assertThat(count("registrar", INCOMING)).isPositive();
        assertThat(count("assistant", REVIEW)).isPositive();
        assertThat(count("manager", REVIEW)).isGreaterThanOrEqualTo(2); // a draft to approve, an extension to decide
        assertThat(count("manager", SIGNATURE)).isPositive();
        assertThat(count("executor1", EXECUTION)).isPositive();
        assertThat(count("executor1", OVERDUE)).isPositive();
        assertThat(count("executor2", VISA)).isPositive();
        assertThat(count("controller", CONTROL)).isGreaterThanOrEqualTo(3); // two overdue, one closed late, a report
    }

    record Row(String name, String number, String summary, String deadline, String correspondent) {
    }

    /** The row of the document's task in the folder, as Tasklist reads it (HAL list with the columns' variables). */
    private Row row(String user, String folderName, String instanceId, String taskName) {
        JsonNode list = list(user, folder(folderName).getId(), 1000);
        List<Row> rows = new ArrayList<>();
        for (JsonNode task : list.at("/_embedded/task")) {
            Map<String, String> columns = new HashMap<>();
            for (JsonNode variable : task.at("/_embedded/variable")) {
                columns.put(variable.get("name").asText(), variable.get("value").asText());
            }
            String name = task.get("name").asText();
            if (name.startsWith(taskName) && instanceId.equals(task.get("processInstanceId").asText())) {
                rows.add(new Row(name, columns.get(FolderColumns.NUMBER), columns.get(FolderColumns.SUMMARY),
                        columns.get(FolderColumns.DEADLINE), columns.get(FolderColumns.CORRESPONDENT)));
            }
        }
        assertThat(rows).as(user + " sees «" + taskName + "» of " + instanceId + " in «" + folderName + "»").hasSize(1);
        return rows.get(0);
    }

    private String dueOf(ProcessInstance instance, String taskKey) {
        return RussianDates.format(driver.task(instance, taskKey).getDueDate(), clock.getZone());
    }

    /** What Tasklist posts to show a folder: sorting, paging, and HAL for the embedded column variables. */
    private JsonNode list(String user, String filterId, int max) {
        return Http.as(port, user).post().uri("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=" + max)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.parseMediaType("application/hal+json"))
                .body("{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}")
                .retrieve().body(JsonNode.class);
    }

    private long count(String user, String folderName) {
        return get(user, "/engine-rest/filter/" + folder(folderName).getId() + "/count").get("count").asLong();
    }

    private JsonNode get(String user, String path) {
        return Http.as(port, user).get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
    }

    private Filter folder(String name) {
        return filters.createFilterQuery().filterName(name).singleResult();
    }

    private List<Task> listAs(String user, String folder) {
        return driver.as(user, () -> filters.list(folder(folder).getId()));
    }
}
