package ru.msed.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The staff's folders in Tasklist: shared filters, named as staff know them, with the card's
 * number, summary and deadline as columns. Created or brought up to date at every start; at
 * most eight, as the manager's cabinet has.
 */
@Component
@Order(5)
class TasklistFolders implements ApplicationRunner {

    static final int MAX_FOLDERS = 8;

    private static final List<Map<String, String>> COLUMNS = List.of(
            column("registrationNumber", "Рег. №"),
            column("summary", "Краткое содержание"),
            column("deadline", "Срок"),
            column("correspondent", "Корреспондент"));

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFolders(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        folder(1, "Входящие документы", "Регистрация поступивших документов и списание исполненных в дело", "#1f6fb2",
                mine().taskDefinitionKeyIn("Task_FillRegistrationCard", "Task_CloseDocument",
                        "Task_RegisterAppeal", "Task_CloseAppeal"));
        folder(2, "На рассмотрение", "Проекты резолюций и запросы на перенос срока", "#6b3fa0",
                mine().taskDefinitionKeyIn("Task_DraftResolution", "Task_ReviewResolution", "Task_DecideExtension",
                        "Task_ReviewAppeal", "Task_ReviewAnonymousAppeal", "Task_DecideAbusiveAppeal",
                        "Task_HandleUnreadableAppeal", "Task_DecideEndCorrespondence", "Task_DecideTermExtension"));
        folder(3, "На исполнение", "Мои поручения; просроченные и близкие к сроку — сверху", "#2e7d32",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                        .taskDefinitionKeyIn("Task_ExecuteAssignment", "Task_ReworkReport")
                        .orderByTaskPriority().desc().orderByDueDate().asc());
        folder(4, "На контроле", "Отчёты на проверку и просроченные поручения", "#b26a00",
                mine().taskDefinitionKeyIn("Task_ControlReport", "Task_OverdueControl",
                        "Task_ControlRegistrationTerm", "Task_ControlReviewTerm", "Task_ControlAnonymousTerm",
                        "Task_ControlUnreadableTerm", "Task_ControlAnswerTerm"));
        folder(6, "Заявки на подключение", "Проверка, исправление и разбор заявок на подключение к МСЭД", "#455a64",
                mine().taskDefinitionKeyIn("Task_ReviewRequest", "Task_FixRequest", "Task_EscalateReview"));
        folder(7, "На согласование", "Проекты исходящих документов на визу; отклонённые — на доработку", "#00838f",
                mine().taskDefinitionKeyIn("Task_GiveVisa", "Task_PrepareDraft"));
        folder(8, "На подпись", "Документы, ожидающие вашей подписи", "#ad1457",
                mine().taskDefinitionKeyIn("Task_SignDocument"));
        folder(5, "Просроченные", "Мои задачи и задачи моих групп с истёкшим сроком", "#c62828",
                mine().dueBeforeExpression("${now()}"));
    }

    /** Tasks assigned to the user or waiting in one of their groups, nearest deadline first. */
    private TaskQuery mine() {
        return tasks.createTaskQuery()
                .or()
                    .taskAssigneeExpression("${currentUser()}")
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr()
                .orderByDueDate().asc();
    }

    private void folder(int priority, String name, String description, String color, TaskQuery query) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", COLUMNS);
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(properties);
        filters.saveFilter(filter);
    }

    private static Map<String, String> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
